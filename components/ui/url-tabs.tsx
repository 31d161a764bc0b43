"use client";
// A tab strip whose open tab lives in the URL, so it can be linked, survives a reload and the back
// button returns to it. The server renders only the open tab's panel: choosing a tab navigates
// (`onSelect`), the strip shows the choice at once, and its panel reads "Loading…" until the
// server's answer arrives.
import * as Tabs from "@radix-ui/react-tabs";
import clsx from "clsx";
import { useOptimistic, useTransition, type ReactNode } from "react";

export type TabItem = { value: string; label: string };

export function UrlTabs({
  items,
  value,
  onSelect,
  label,
  panel,
  flush = false,
}: {
  items: readonly TabItem[];
  /** The tab the URL names; `panel` is its content. */
  value: string;
  /** Navigates to the chosen tab's URL. */
  onSelect: (value: string) => void;
  /** The strip's accessible name. */
  label: string;
  panel: ReactNode;
  /** In a flush Container: the strip and the loading line keep the container's side padding. */
  flush?: boolean;
}) {
  const [, startTransition] = useTransition();
  // While the server renders the chosen tab, the strip already shows it chosen.
  const [current, setCurrent] = useOptimistic(value);
  const select = (next: string) =>
    startTransition(() => {
      setCurrent(next);
      onSelect(next);
    });
  return (
    <Tabs.Root value={current} onValueChange={select} activationMode="manual">
      {/* Scrolls sideways on a narrow screen rather than wrapping the labels. */}
      <Tabs.List aria-label={label} className={clsx("scroll-cue flex gap-6 border-b border-line", flush ? "px-5" : "mb-4 [--scroll-cue-cover:var(--color-page)]")}>
        {items.map((t) => (
          <Tabs.Trigger
            key={t.value}
            value={t.value}
            className="-mb-px shrink-0 border-b-4 border-transparent py-2 font-bold text-muted hover:text-ink data-[state=active]:border-link data-[state=active]:text-link"
          >
            {t.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {items.map((t) => (
        <Tabs.Content key={t.value} value={t.value} className={clsx("focus-visible:outline-none", flush && "pt-2")}>
          {t.value === value ? (
            panel
          ) : (
            <p className={clsx("text-muted", flush && "px-5 pb-4")} role="status">
              Loading…
            </p>
          )}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
