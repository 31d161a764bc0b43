// Impact levels and their names (as AWS's console shows them). The range is the service model's
// Impact shape (1–5; test/unit/impact.test.ts holds them equal): written out here so the browser
// bundles don't carry the whole model for five numbers.
import type { BadgeColor } from "@/components/ui/badge";

const NAMES: Record<number, { label: string; color: BadgeColor }> = {
  1: { label: "Critical", color: "red" },
  2: { label: "High", color: "orange" },
  3: { label: "Medium", color: "yellow" },
  4: { label: "Low", color: "blue" },
  5: { label: "No impact", color: "grey" },
};

/** Every impact the model accepts, most severe first. */
export const IMPACTS: number[] = [1, 2, 3, 4, 5];

export function impactInfo(impact: number): { label: string; color: BadgeColor } {
  return NAMES[impact] ?? { label: `Impact ${impact}`, color: "grey" };
}

/** "2 High" */
export function impactLabel(impact: number): string {
  return `${impact} ${impactInfo(impact).label}`;
}
