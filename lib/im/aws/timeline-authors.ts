// Who wrote what in aws mode: AWS's timeline events carry no author, so the console records the
// signed-in user of each event it writes in its own database (TimelineEventAuthor, by event id).
// Events written elsewhere (the AWS console, the CLI, automations) have no author here.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { EventAuthorship, TimelineAuthors } from "../index";

export class ConsoleTimelineAuthors implements TimelineAuthors {
  constructor(
    private readonly db: Db,
    private readonly principalArn: string,
  ) {}

  async read(incidentRecordArn: string, eventIds: string[]): Promise<Map<string, EventAuthorship>> {
    const known = new Map<string, EventAuthorship>();
    if (eventIds.length === 0) return known;
    const rows = await this.db.timelineEventAuthor.findMany({
      where: { incidentArn: incidentRecordArn, eventId: { in: eventIds } },
      select: { eventId: true, createdBy: true, updatedBy: true, updatedAt: true },
    });
    for (const r of rows) known.set(r.eventId, { createdBy: r.createdBy ?? undefined, updatedBy: r.updatedBy ?? undefined, updatedAt: r.updatedAt ?? undefined });
    return known;
  }

  async wrote(incidentRecordArn: string, eventId: string, write: "created" | "updated"): Promise<void> {
    const who = write === "created" ? { createdBy: this.principalArn } : { updatedBy: this.principalArn, updatedAt: new Date() };
    await this.db.timelineEventAuthor.upsert({ where: { eventId }, create: { eventId, incidentArn: incidentRecordArn, ...who }, update: who });
  }

  async deleted(incidentRecordArn: string, eventId: string): Promise<void> {
    await this.db.timelineEventAuthor.deleteMany({ where: { eventId, incidentArn: incidentRecordArn } });
  }
}

/** Without a database (tests of the contract alone): nothing is known or kept. */
export const noTimelineAuthors: TimelineAuthors = {
  read: async () => new Map(),
  wrote: async () => undefined,
  deleted: async () => undefined,
};
