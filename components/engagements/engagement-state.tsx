"use client";
// An engagement's state in words ("Paging — stage 2 of 3, next stage in 4 min", "Acknowledged by
// Alice at 19:43", …), ticking with the clock: the next stage comes closer, the stages run out.
import { StatusIndicator, type StatusType } from "@/components/ui/status-indicator";
import { useNow } from "@/components/ui/use-now";
import { describeEngagementState, engagementState, type EngagementFacts, type EngagementState } from "@/lib/console/engagements/state";

const TYPE: Record<EngagementState["kind"], StatusType> = { paging: "info", acknowledged: "success", finished: "error", stopped: "info" };

export function EngagementStateText({ facts }: { facts: EngagementFacts }) {
  const now = useNow(15_000);
  const state = engagementState(facts, now);
  return (
    <StatusIndicator type={TYPE[state.kind]} wrap>
      {/* The server's clock and time zone aren't the browser's: the browser's words win. */}
      <span suppressHydrationWarning>{describeEngagementState(state, now)}</span>
    </StatusIndicator>
  );
}
