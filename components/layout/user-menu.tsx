"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { UserMenuButtonContent, USER_MENU_BUTTON_CLASS, type UserMenuProps } from "./user-menu-face";

/** The signed-in user's menu (Radix menu: arrow keys, Escape, focus return). Loaded on first use: see user-menu-button.tsx. */
export function UserMenu({ email, name, role, defaultOpen }: UserMenuProps & { defaultOpen?: boolean }) {
  const router = useRouter();
  async function handleSignOut() {
    // redirect: false, then our own navigation: next-auth's redirect URL is built from
    // NEXTAUTH_URL, which a local console on another port may not set.
    await signOut({ redirect: false });
    router.replace(SIGN_IN_PATH);
    router.refresh();
  }
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger className={USER_MENU_BUTTON_CLASS}>
        <UserMenuButtonContent email={email} name={name} role={role} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-lg border border-line bg-white py-1 text-ink shadow-lg">
          <DropdownMenu.Label className="px-4 py-2 text-xs text-muted">
            Signed in as {email} ({role})
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
          <DropdownMenu.Item onSelect={handleSignOut} className="cursor-pointer px-4 py-2 outline-none data-[highlighted]:bg-info-bg">
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
