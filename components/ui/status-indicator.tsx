import clsx from "clsx";
import type { ReactNode } from "react";

export type StatusType = "error" | "success" | "info";

const styles: Record<StatusType, { color: string; icon: string }> = {
  error: { color: "text-error", icon: "⬤" },
  success: { color: "text-success", icon: "✔" },
  info: { color: "text-info", icon: "ⓘ" },
};

/** An icon and a word, as Cloudscape's StatusIndicator: color never carries the meaning alone. */
export function StatusIndicator({ type, children, wrap = false }: { type: StatusType; children: ReactNode; /** A sentence rather than a word: it may wrap. */ wrap?: boolean }) {
  const s = styles[type];
  return (
    <span className={clsx("inline-flex items-center gap-1.5", wrap ? "" : "whitespace-nowrap", s.color)}>
      <span aria-hidden className="text-[0.7em]">
        {s.icon}
      </span>
      <span>{children}</span>
    </span>
  );
}
