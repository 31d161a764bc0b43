"use client";
// What the user-menu button looks like, shared by its stand-in (user-menu-button.tsx) and the menu
// loaded on first use (user-menu.tsx).
import type { Role } from "@/lib/auth/permissions";

export type UserMenuProps = { email: string; name: string; role: Role };

export const USER_MENU_BUTTON_CLASS = "flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-squid-light focus-visible:outline-white";

/** What the user-menu button shows: initial, e-mail and role. */
export function UserMenuButtonContent({ email, name, role }: UserMenuProps) {
  return (
    <>
      <span aria-hidden className="flex size-7 items-center justify-center rounded-full bg-[#5f6b7a] font-bold uppercase">
        {(name || email).slice(0, 1)}
      </span>
      <span className="flex flex-col items-start leading-tight max-sm:sr-only">
        <span className="font-bold">{email}</span>
        <span className="text-xs text-[#d1d5db]">Role: {role}</span>
      </span>
      <span aria-hidden className="text-xs">
        ▾
      </span>
    </>
  );
}
