// Impact levels and their names (as AWS's console shows them). The range is the service model's
// Impact shape (1–5; lib/console/incidents/impact.test.ts holds them equal): written out here so
// the browser bundles don't carry the whole model for five numbers. Client-safe.

const NAMES: Record<number, string> = { 1: "Critical", 2: "High", 3: "Medium", 4: "Low", 5: "No impact" };

/** Every impact the model accepts, most severe first. */
export const IMPACTS: number[] = [1, 2, 3, 4, 5];

/** "High" */
function impactName(impact: number): string {
  return NAMES[impact] ?? `Impact ${impact}`;
}

/** "2 High" */
export function impactLabel(impact: number): string {
  return `${impact} ${impactName(impact)}`;
}
