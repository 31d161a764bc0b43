// Who wrote what, as the local model records it: the principal of every timeline event write is
// kept on the event itself (createdBy, updatedBy, updatedAt; timeline-events.ts), whoever called —
// a console user or an API key's user. The console's own calls need nothing more recorded.
import type { EventAuthorship, TimelineAuthors } from "../../index";
import type { LocalContext } from "../context";

export class LocalTimelineAuthors implements TimelineAuthors {
  constructor(private readonly ctx: Pick<LocalContext, "db">) {}

  async read(incidentRecordArn: string, eventIds: string[]): Promise<Map<string, EventAuthorship>> {
    const known = new Map<string, EventAuthorship>();
    if (eventIds.length === 0) return known;
    const rows = await this.ctx.db.timelineEvent.findMany({
      where: { incident: { arn: incidentRecordArn }, id: { in: eventIds } },
      select: { id: true, createdBy: true, updatedBy: true, updatedAt: true },
    });
    for (const r of rows) {
      if (r.createdBy === null && r.updatedBy === null) continue;
      known.set(r.id, { createdBy: r.createdBy ?? undefined, updatedBy: r.updatedBy ?? undefined, updatedAt: r.updatedAt ?? undefined });
    }
    return known;
  }

  /** The write itself recorded its caller. */
  async wrote(): Promise<void> {}

  /** The event's row, and what it recorded, went with it. */
  async deleted(): Promise<void> {}
}
