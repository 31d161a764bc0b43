"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { OPEN_SHORTCUTS_HELP, ShortcutsHelp, type Shortcut } from "@/components/ui/shortcuts-help";
import { NEW_EVENT_PARAM } from "@/lib/console/timeline/paths";
import { useKeyboardShortcuts } from "@/components/ui/use-keyboard-shortcuts";

/**
 * The incident page's keyboard shortcuts, on every tab: "n" goes to the Timeline with the
 * new-event dialog open, "?" lists the shortcuts. Rendered once by the page, outside the tabs.
 */
export function IncidentShortcuts({ canWrite }: { canWrite: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const open = () => setHelpOpen(true);
    window.addEventListener(OPEN_SHORTCUTS_HELP, open);
    return () => window.removeEventListener(OPEN_SHORTCUTS_HELP, open);
  }, []);

  const newEvent = () => {
    const next = new URLSearchParams(params.toString());
    next.set("tab", "timeline");
    next.set(NEW_EVENT_PARAM, "1");
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
  useKeyboardShortcuts({ n: canWrite ? newEvent : undefined, "?": () => setHelpOpen(true) });

  const shortcuts: Shortcut[] = [
    ...(canWrite ? [{ keys: "n", description: "New timeline event" }] : []),
    { keys: "?", description: "Show keyboard shortcuts" },
    { keys: "Esc", description: "Close a dialog" },
  ];
  return <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} shortcuts={shortcuts} />;
}
