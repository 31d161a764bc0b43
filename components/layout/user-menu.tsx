"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import type { Role } from "@/lib/auth/permissions";

export function UserMenu({ email, name, role }: { email: string; name: string; role: Role }) {
  const router = useRouter();
  async function handleSignOut() {
    // redirect: false, then our own navigation: next-auth's redirect URL is built from
    // NEXTAUTH_URL, which a local console on another port may not set.
    await signOut({ redirect: false });
    router.replace(SIGN_IN_PATH);
    router.refresh();
  }
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-squid-light focus-visible:outline-white">
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
