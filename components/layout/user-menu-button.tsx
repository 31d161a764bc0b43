"use client";
import { deferred } from "@/components/ui/deferred";
import { UserMenuButtonContent, USER_MENU_BUTTON_CLASS, type UserMenuProps } from "./user-menu-face";

/**
 * The user menu on every page. The menu itself (Radix menu and its positioning engine, next-auth's
 * client for sign-out) loads when the button is first used.
 */
export const UserMenu = deferred<UserMenuProps>(
  () => import("./user-menu").then((m) => m.UserMenu),
  function UserMenuStandIn({ activate, warm, busy, ...user }) {
    return (
      <button
        type="button"
        aria-haspopup="menu"
        className={USER_MENU_BUTTON_CLASS}
        onClick={activate}
        onPointerEnter={warm}
        onFocus={warm}
        aria-busy={busy || undefined}
      >
        <UserMenuButtonContent {...user} />
      </button>
    );
  },
);
