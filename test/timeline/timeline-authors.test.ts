// Who wrote what (issue 16), on each database: the local model records the caller of every event
// write — the author on create, the last editor and when on update — whoever the caller is; the
// aws-mode record (the console's own table) keeps the same for the events a console user wrote,
// per incident, and forgets a deleted event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleTimelineAuthors } from "@/lib/im/aws/timeline-authors";
import { localServices } from "@/lib/im/local";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const ACCOUNT = "000000000000";
const ana = `arn:aws:iam::${ACCOUNT}:user/ana@example.com`;
const bob = `arn:aws:iam::${ACCOUNT}:user/bob@example.com`;

describe.each(PROVIDERS)("timeline authors on %s", (provider) => {
  let t: TestDatabase;
  const as = (principalArn: string) => localServices({ principalArn }, { db: t.db, accountId: ACCOUNT, region: "us-east-1" });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const { incidents } = as(ana);
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    await incidents.createResponsePlan({ name: "authors", incidentTemplate: { title: "authors", impact: 3 } });
  });
  afterAll(async () => t.cleanup());

  it("local model: the author of each write, and the last editor with the time of the edit", async () => {
    const { incidents, timelineAuthors } = as(ana);
    const arn = (await incidents.startIncident({ responsePlanArn: `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/authors` })).incidentRecordArn!;
    const { eventId: mine } = await incidents.createTimelineEvent({ incidentRecordArn: arn, eventTime: new Date(), eventType: "Note", eventData: '"ana\'s"' });
    const { eventId: edited } = await incidents.createTimelineEvent({ incidentRecordArn: arn, eventTime: new Date(), eventType: "Custom Event", eventData: '"x"' });
    const before = Date.now();
    await as(bob).incidents.updateTimelineEvent({ incidentRecordArn: arn, eventId: edited!, eventData: '"bob\'s words"' });

    const known = await timelineAuthors.read(arn, [mine!, edited!]);
    expect(known.get(mine!)).toEqual({ createdBy: ana, updatedBy: undefined, updatedAt: undefined });
    expect(known.get(edited!)).toMatchObject({ createdBy: ana, updatedBy: bob });
    expect(known.get(edited!)!.updatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
    // Another incident's ARN knows nothing of these events.
    const other = (await incidents.startIncident({ responsePlanArn: `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/authors` })).incidentRecordArn!;
    expect((await timelineAuthors.read(other, [mine!])).size).toBe(0);
  });

  it("aws mode: the console's record of what its users wrote, by incident, forgotten on delete", async () => {
    const incidentArn = `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/authors/remote`;
    const asAna = new ConsoleTimelineAuthors(t.db, ana);
    const asBob = new ConsoleTimelineAuthors(t.db, bob);
    await asAna.wrote(incidentArn, "event-1", "created");
    await asAna.wrote(incidentArn, "event-2", "created");
    await asBob.wrote(incidentArn, "event-2", "updated");
    // An event written elsewhere and edited here has an editor but no author.
    await asBob.wrote(incidentArn, "event-3", "updated");

    const known = await asAna.read(incidentArn, ["event-1", "event-2", "event-3", "event-4"]);
    expect(known.get("event-1")).toEqual({ createdBy: ana, updatedBy: undefined, updatedAt: undefined });
    expect(known.get("event-2")).toMatchObject({ createdBy: ana, updatedBy: bob });
    expect(known.get("event-3")).toMatchObject({ createdBy: undefined, updatedBy: bob });
    expect(known.has("event-4")).toBe(false);
    expect((await asAna.read(`${incidentArn}-other`, ["event-1"])).size).toBe(0);

    await asBob.deleted(incidentArn, "event-1");
    expect((await asAna.read(incidentArn, ["event-1"])).size).toBe(0);
  });
});
