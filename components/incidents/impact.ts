// Impact levels: the range comes from the service model's Impact shape; the names are the
// console's (as AWS's console shows them).
import { shape } from "@/lib/im/model";
import type { BadgeColor } from "@/components/ui/badge";

const NAMES: Record<number, { label: string; color: BadgeColor }> = {
  1: { label: "Critical", color: "red" },
  2: { label: "High", color: "orange" },
  3: { label: "Medium", color: "yellow" },
  4: { label: "Low", color: "blue" },
  5: { label: "No impact", color: "grey" },
};

const range = shape("ssm-incidents", "Impact");

/** Every impact the model accepts, most severe first. */
export const IMPACTS: number[] = Array.from({ length: range.max! - range.min! + 1 }, (_, i) => range.min! + i);

export function impactInfo(impact: number): { label: string; color: BadgeColor } {
  return NAMES[impact] ?? { label: `Impact ${impact}`, color: "grey" };
}

/** "2 High" */
export function impactLabel(impact: number): string {
  return `${impact} ${impactInfo(impact).label}`;
}
