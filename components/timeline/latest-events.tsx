"use client";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { errorOf } from "@/lib/console/core/errors";
import { incidentPath } from "@/lib/console/incidents/paths";
import { TimelineEventItem } from "./timeline-event-item";
import { useTimeline } from "./use-timeline";

const LATEST = 5;

/** The Overview's newest timeline events (shares the Timeline tab's query and cache). */
export function LatestEvents({ arn }: { arn: string }) {
  const timeline = useTimeline(arn);
  const latest = (timeline.data ?? []).slice(-LATEST).reverse();
  return (
    <Container
      header="Latest timeline events"
      actions={
        <Link href={incidentPath(arn, "timeline")} className="text-link hover:underline">
          View full timeline
        </Link>
      }
    >
      {timeline.isPending ? (
        <p role="status" className="text-muted">
          Loading timeline…
        </p>
      ) : timeline.isError ? (
        <ErrorAlert error={errorOf(timeline.error)} />
      ) : latest.length === 0 ? (
        <p className="text-muted">No timeline events yet.</p>
      ) : (
        <ol aria-label="Latest timeline events" className="ml-2">
          {latest.map((e) => (
            <TimelineEventItem key={e.id} event={e} />
          ))}
        </ol>
      )}
    </Container>
  );
}
