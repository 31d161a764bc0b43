import { Badge } from "@/components/ui/badge";
import { impactInfo, impactLabel } from "./impact";

export function ImpactBadge({ impact }: { impact: number }) {
  return <Badge color={impactInfo(impact).color}>{impactLabel(impact)}</Badge>;
}
