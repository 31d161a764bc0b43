"use client";
import { useEffect, useRef } from "react";

/** Keys typed into a field, with a modifier, or behind an open dialog are not shortcuts. */
function isShortcutEvent(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
  const target = e.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']")) return false;
  if (document.querySelector("[role='dialog'], [role='alertdialog'], [role='menu']")) return false;
  return true;
}

/** Single-key shortcuts for the page ("n", "?"), by `KeyboardEvent.key`. */
export function useKeyboardShortcuts(handlers: Record<string, (() => void) | undefined>) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const handler = latest.current[e.key];
      if (!handler || !isShortcutEvent(e)) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
