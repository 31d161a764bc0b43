import clsx from "clsx";
import type { ReactNode } from "react";

export type BadgeColor = "red" | "orange" | "yellow" | "blue" | "grey" | "green";

const colors: Record<BadgeColor, string> = {
  red: "bg-[#d91515] text-white",
  orange: "bg-[#eb5f07] text-white",
  yellow: "bg-[#f5c518] text-ink",
  blue: "bg-[#0972d3] text-white",
  grey: "bg-[#d5dbdb] text-ink",
  green: "bg-[#037f0c] text-white",
};

export function Badge({ color, children, className }: { color: BadgeColor; children: ReactNode; className?: string }) {
  return (
    <span className={clsx("inline-block rounded-full px-2.5 py-0.5 text-xs font-bold leading-4 whitespace-nowrap", colors[color], className)}>
      {children}
    </span>
  );
}
