import { Badge, type BadgeColor } from "@/components/ui/badge";
import { impactLabel } from "@/lib/console/incidents/impact";

const COLORS: Record<number, BadgeColor> = { 1: "red", 2: "orange", 3: "yellow", 4: "blue", 5: "grey" };

export function ImpactBadge({ impact }: { impact: number }) {
  return <Badge color={COLORS[impact] ?? "grey"}>{impactLabel(impact)}</Badge>;
}
