"use client";
// The console frame: dark top bar (product, signed-in user), collapsible side navigation, content.
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { UnacknowledgedCount } from "@/components/pages/unacknowledged-count";
import { UserMenu } from "./user-menu-button";

const WIDE = "(min-width: 1024px)";

const NAV = [
  { href: "/incidents", label: "Incidents" },
  { href: "/alerts", label: "Alerts" },
  { href: "/pages", label: "My pages" },
  { href: "/engagements", label: "Engagements" },
  { href: "/response-plans", label: "Response plans" },
  { href: "/contacts", label: "Contacts" },
  { href: "/escalation-plans", label: "Escalation plans" },
  { href: "/schedules", label: "On-call schedules" },
];
/** Admins only (the page itself refuses everyone else on the server). */
const SETTINGS_NAV = { href: "/settings", label: "Settings" };

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  // null until mounted: CSS then shows the navigation on wide screens and hides it on a phone.
  const [navOpen, setNavOpen] = useState<boolean | null>(null);
  const pathname = usePathname();
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const sync = () => {
      setNarrow(!query.matches);
      setNavOpen(query.matches);
    };
    sync();
    query.addEventListener("change", sync);
    return () => query.removeEventListener("change", sync);
  }, []);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 flex h-12 items-center justify-between bg-squid px-4 text-white">
        <div className="flex items-center gap-3">
          <button
            type="button"
            onClick={() => setNavOpen((o) => !o)}
            aria-expanded={navOpen ?? undefined}
            aria-controls="side-navigation"
            aria-label={navOpen ? "Close navigation" : "Open navigation"}
            className="rounded px-2 py-1 text-lg leading-none hover:bg-squid-light focus-visible:outline-white"
          >
            ☰
          </button>
          <Link href="/incidents" className="flex items-center gap-2 font-bold whitespace-nowrap focus-visible:outline-white">
            <span aria-hidden className="rounded bg-orange px-1.5 text-xs leading-5">
              IM
            </span>
            Incident Manager
          </Link>
        </div>
        <UserMenu email={user.email} name={user.name} role={user.role} />
      </header>
      <div className="flex flex-1">
        <nav
          id="side-navigation"
          aria-label="Side navigation"
          className={clsx(
            "w-64 shrink-0 border-r border-line bg-white px-6 py-5",
            navOpen === null ? "hidden lg:block" : navOpen ? "block" : "hidden",
            // Over the content on a phone, beside it on a wide screen.
            "max-lg:fixed max-lg:top-12 max-lg:bottom-0 max-lg:left-0 max-lg:z-20 max-lg:shadow-lg",
          )}
        >
          <p className="mb-3 text-base font-bold">Incident Manager</p>
          <hr className="mb-3 border-line" />
          <ul className="space-y-2">
            {(can(user.role, "settings.read") ? [...NAV, SETTINGS_NAV] : NAV).map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    // On a phone the navigation covers the page: close it once a page is picked.
                    onClick={() => narrow && setNavOpen(false)}
                    className={clsx("block hover:text-link", active ? "font-bold text-link" : "text-ink")}
                  >
                    {item.label}
                    {item.href === "/pages" ? <UnacknowledgedCount /> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <main className="min-w-0 flex-1 px-4 py-5 sm:px-6 lg:px-10">{children}</main>
      </div>
    </div>
  );
}
