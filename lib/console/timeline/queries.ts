// An incident's whole timeline for the Timeline tab, the Overview and the exports.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import { isImError } from "@/lib/im/errors";
import { byEventTime, toTimelineEventDto, type TimelineEventDto } from "./dto";

/** A safety bound: an incident with more events than this shows (and exports) the first ones. */
export const TIMELINE_MAX_EVENTS = 2000;
/** GetTimelineEvent calls in flight at once (AWS throttles bursts). */
const FETCH_CONCURRENCY = 6;

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * ListTimelineEvents answers summaries without eventData (EventSummary has none), and the
 * timeline shows what each event says, so every event is read with GetTimelineEvent. An event
 * deleted between the two calls is left out rather than failing the whole timeline. The list's
 * ascending order is kept as each event's `order`: it is the order events of one time were
 * written in (issue 16). Who wrote people's events comes from the services' own record.
 */
export function getTimeline(arn: string) {
  return withServices("getTimeline", "incidents.read", async ({ im }): Promise<TimelineEventDto[]> => {
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await im.incidents.listTimelineEvents({ incidentRecordArn: arn, sortBy: "EVENT_TIME", sortOrder: "ASCENDING", maxResults: 100, nextToken });
      for (const s of out.eventSummaries ?? []) ids.push(s.eventId!);
      nextToken = out.nextToken;
    } while (nextToken && ids.length < TIMELINE_MAX_EVENTS);
    const listed = ids.slice(0, TIMELINE_MAX_EVENTS);
    const authors = await im.timelineAuthors.read(arn, listed);
    const events = await mapLimit(listed.map((eventId, order) => ({ eventId, order })), FETCH_CONCURRENCY, async ({ eventId, order }) => {
      try {
        const { event } = await im.incidents.getTimelineEvent({ incidentRecordArn: arn, eventId });
        return toTimelineEventDto(event!, order, authors.get(eventId));
      } catch (e) {
        if (isImError(e) && e.code === "ResourceNotFoundException") return null;
        throw e;
      }
    });
    return events.filter((e): e is TimelineEventDto => e !== null).sort(byEventTime);
  });
}
