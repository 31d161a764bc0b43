import clsx from "clsx";
import type { ReactNode } from "react";

export type StatusType = "error" | "success" | "info";

// Drawn, not typed: a glyph such as ⓘ is missing from many system fonts (a phone showed an empty box).
const ICONS: Record<StatusType, ReactNode> = {
  error: <circle cx="8" cy="8" r="6" fill="currentColor" />,
  success: <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />,
  info: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 7v4.5M8 4.6v.1" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
};

const styles: Record<StatusType, { color: string }> = {
  error: { color: "text-error" },
  success: { color: "text-success" },
  info: { color: "text-info" },
};

/** An icon and a word, as Cloudscape's StatusIndicator: color never carries the meaning alone. */
export function StatusIndicator({ type, children, wrap = false }: { type: StatusType; children: ReactNode; /** A sentence rather than a word: it may wrap. */ wrap?: boolean }) {
  const s = styles[type];
  return (
    <span className={clsx("inline-flex items-center gap-1.5", wrap ? "" : "whitespace-nowrap", s.color)}>
      <svg aria-hidden viewBox="0 0 16 16" className="size-3 shrink-0">
        {ICONS[type]}
      </svg>
      <span>{children}</span>
    </span>
  );
}
