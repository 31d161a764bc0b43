// Issue 11, concurrent writers, on each database: many callers at once never duplicate what the
// model keeps single — the open incident of a dedupe string, the account's replication set, the
// user a contact links to. Each is held by a unique key, not by a check before the insert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUserContactArn } from "@/lib/auth/my-contact";
import type { IncidentsService } from "@/lib/im/contract";
import { localServices } from "@/lib/im/local";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const N = 32;
const caller = { principalArn: "arn:aws:iam::000000000000:user/racer" };
const where = { accountId: "000000000000", region: "us-east-1" };

describe.each(PROVIDERS)("concurrent writers on %s", (provider) => {
  let t: TestDatabase;
  let incidents: IncidentsService;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ({ incidents } = localServices(caller, { db: t.db, ...where }));
  });
  afterAll(async () => t.cleanup());

  it("creates one rotation when CreateRotation of one name races itself, and a member deleted meanwhile is never left in it", async () => {
    const { contacts } = localServices(caller, { db: t.db, ...where });
    const { ContactArn } = await contacts.createContact({ Alias: "racing-member", Type: "PERSONAL", Plan: { Stages: [] } });
    const input = { Name: "racing", ContactIds: [ContactArn!], TimeZoneId: "UTC", Recurrence: { DailySettings: [{ HourOfDay: 9, MinuteOfHour: 0 }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 } };
    const results = await Promise.allSettled(Array.from({ length: N }, () => contacts.createRotation(input)));
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(lost.map((r) => r.reason.code)).toEqual(Array(N - 1).fill("ConflictException"));
    expect(await t.db.rotation.count({ where: { name: "racing" } })).toBe(1);

    // A contact deleted while rotations are made with it, again and again: either the rotation
    // exists and the deletion was refused, or the contact is gone and no rotation names it.
    for (let i = 0; i < 8; i++) {
      const { ContactArn: other } = await contacts.createContact({ Alias: `racing-other-${i}`, Type: "PERSONAL", Plan: { Stages: [] } });
      const [made, deleted] = await Promise.allSettled([contacts.createRotation({ ...input, Name: `racing-${i}`, ContactIds: [other!] }), contacts.deleteContact({ ContactId: other })]);
      const members = await t.db.rotationMember.count({ where: { contactArn: other } });
      const contactLeft = await t.db.contact.count({ where: { arn: other } });
      if (made.status === "fulfilled") {
        expect({ members, contactLeft, deleted: deleted.status }).toEqual({ members: 1, contactLeft: 1, deleted: "rejected" });
        expect((deleted as PromiseRejectedResult).reason.code).toBe("ConflictException");
      } else {
        expect({ members, contactLeft, deleted: deleted.status }).toEqual({ members: 0, contactLeft: 0, deleted: "fulfilled" });
      }
    }
  });

  it("creates one replication set when CreateReplicationSet races itself; the others get ConflictException", async () => {
    const results = await Promise.allSettled(Array.from({ length: N }, () => incidents.createReplicationSet({ regions: { "us-east-1": {} } })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason.code)).toEqual(Array(N - 1).fill("ConflictException"));
    expect((await incidents.listReplicationSets({})).replicationSetArns).toHaveLength(1);
  });

  it("deduplicates 32 concurrent StartIncident calls into one open incident, and starts anew once it is resolved", async () => {
    const { arn: responsePlanArn } = await incidents.createResponsePlan({
      name: "dedupe-race",
      incidentTemplate: { title: "disk full", impact: 3, dedupeString: "disk-full-on-db-1" },
    });
    const start = () => Promise.all(Array.from({ length: N }, () => incidents.startIncident({ responsePlanArn })));
    const first = await start();
    const arns = new Set(first.map((r) => r.incidentRecordArn));
    expect(arns.size).toBe(1);
    expect(await t.db.incidentRecord.count({ where: { dedupeString: "disk-full-on-db-1" } })).toBe(1);

    // Resolved, it absorbs nothing: the next burst opens exactly one new incident.
    const [open] = arns;
    await incidents.updateIncidentRecord({ arn: open, status: "RESOLVED" });
    const second = new Set((await start()).map((r) => r.incidentRecordArn));
    expect(second.size).toBe(1);
    expect(second.has(open)).toBe(false);
    expect(await t.db.incidentRecord.count({ where: { dedupeString: "disk-full-on-db-1", status: "OPEN" } })).toBe(1);

    // Reopening the first while the second is open: both are open, the second still absorbs.
    const [next] = second;
    await incidents.updateIncidentRecord({ arn: open, status: "OPEN" });
    expect((await incidents.startIncident({ responsePlanArn })).incidentRecordArn).toBe(next);
    // Resolving the second leaves the reopened first to absorb new starts.
    await incidents.updateIncidentRecord({ arn: next, status: "RESOLVED" });
    expect((await incidents.startIncident({ responsePlanArn })).incidentRecordArn).toBe(open);
    expect(await t.db.incidentRecord.count({ where: { dedupeString: "disk-full-on-db-1" } })).toBe(2);
  });

  it("links a contact to one of 32 users linking it at once; the others are told who has it", async () => {
    const users = Array.from({ length: N }, (_, i) => ({
      id: `link-${i}`,
      email: `link-${i}@example.com`,
      name: `Linker ${i}`,
      passwordHash: "x",
      role: "responder",
    }));
    await t.db.user.createMany({ data: users });
    const contactArn = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/on-call";
    const results = await Promise.allSettled(users.map((u) => setUserContactArn(t.db, u.id, contactArn)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const linked = await t.db.user.findMany({ where: { contactArn }, select: { name: true, email: true } });
    expect(linked).toHaveLength(1);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(lost).toHaveLength(N - 1);
    for (const e of lost) {
      expect(e).toMatchObject({ code: "ConflictException", message: `This contact is already linked to ${linked[0].name} (${linked[0].email}): a contact links to one console user.` });
    }
    // Unlinking frees it for someone else.
    const holder = users.find((u) => u.email === linked[0].email)!;
    const other = users.find((u) => u !== holder)!;
    await setUserContactArn(t.db, holder.id, null);
    await setUserContactArn(t.db, other.id, contactArn);
    expect((await t.db.user.findUnique({ where: { contactArn }, select: { id: true } }))?.id).toBe(other.id);
  });
});
