// The replication set's whole life, in-process on each database: create, add a Region (CREATING,
// then ACTIVE once the clock moves), remove one, deletion protection, and DeleteReplicationSet
// wiping the incident data. Destructive, so it runs on its own database, never in the shared
// contract runs; the clock is a ManualClock, so Region changes settle without sleeping.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import type { ContactsService, IncidentsService } from "@/lib/im/contract";
import { ManualClock } from "@/lib/im/local/clock";
import { REGION_SETTLE_MS } from "@/lib/im/local/incidents/replication-set";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";
import { expectError } from "./incidents.contract";

const principalArn = "arn:aws:iam::000000000000:user/lifecycle";

describe.each(PROVIDERS)("replication set lifecycle on %s", (provider) => {
  let database: TestDatabase;
  let incidents: IncidentsService;
  let contacts: ContactsService;
  let clock: ManualClock;
  let arn: string;

  const get = async () => (await incidents.getReplicationSet({ arn })).replicationSet!;
  const regionsOf = async () => Object.keys((await get()).regionMap ?? {}).sort();
  const update = (action: object, clientToken?: string) => incidents.updateReplicationSet({ arn, actions: [action as never], clientToken });
  const newPlan = async (name = `plan-${randomUUID().slice(0, 8)}`) =>
    (await incidents.createResponsePlan({
      name,
      incidentTemplate: { title: "Lifecycle", impact: 3, incidentTags: { service: "db" } },
      actions: [{ ssmAutomation: { documentName: "Runbook", roleArn: "arn:aws:iam::000000000000:role/runbook" } }],
      tags: { owner: "ops" },
    })).arn!;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    clock = new ManualClock(new Date("2026-03-01T12:00:00Z"));
    ({ incidents, contacts } = localServices({ principalArn }, { db: database.db, clock, accountId: "000000000000", region: "us-east-1" }));
  });
  afterAll(async () => database?.cleanup());

  it("creates the set ACTIVE in one Region", async () => {
    expect(await incidents.listReplicationSets({})).toEqual({ replicationSetArns: [] });
    ({ arn } = (await incidents.createReplicationSet({ regions: { "us-east-1": {} }, tags: { env: "test" } })) as { arn: string });
    const set = await get();
    expect(set).toMatchObject({ status: "ACTIVE", deletionProtected: false, createdBy: principalArn });
    expect(set.regionMap).toEqual({ "us-east-1": expect.objectContaining({ status: "ACTIVE", sseKmsKeyId: "DefaultKey" }) });
  });

  it("adds a Region: CREATING while the set is UPDATING, ACTIVE once it settles", async () => {
    const started = clock.now();
    await update({ addRegionAction: { regionName: "us-west-2", sseKmsKeyId: "arn:aws:kms:us-west-2:000000000000:key/k" } });
    let set = await get();
    expect(set.status).toBe("UPDATING");
    expect(set.lastModifiedTime).toEqual(started);
    expect(set.regionMap!["us-west-2"]).toMatchObject({ status: "CREATING", statusUpdateDateTime: started });
    expect(set.regionMap!["us-west-2"].sseKmsKeyId).toBe("arn:aws:kms:us-west-2:000000000000:key/k");
    expect(set.regionMap!["us-east-1"].status).toBe("ACTIVE");

    // One change at a time; meanwhile Incident Manager keeps working in the other Region.
    await expectError(update({ addRegionAction: { regionName: "us-west-1" } }), "ConflictException", /still being added/);
    const plan = await newPlan();
    await incidents.startIncident({ responsePlanArn: plan });

    clock.advance(REGION_SETTLE_MS - 1);
    expect((await get()).regionMap!["us-west-2"].status).toBe("CREATING");
    clock.advance(1);
    set = await get();
    expect(set.status).toBe("ACTIVE");
    expect(set.regionMap!["us-west-2"]).toMatchObject({ status: "ACTIVE", statusUpdateDateTime: new Date(started.getTime() + REGION_SETTLE_MS) });
  });

  it("holds at most three Regions, each once", async () => {
    const token = randomUUID();
    await update({ addRegionAction: { regionName: "us-west-1" } }, token);
    clock.advance(REGION_SETTLE_MS);
    // A retry with the same token answers as the first call did, even though the Region is now there.
    await update({ addRegionAction: { regionName: "us-west-1" } }, token);
    expect(await regionsOf()).toEqual(["us-east-1", "us-west-1", "us-west-2"]);
    await expectError(update({ addRegionAction: { regionName: "eu-west-1" } }), "ValidationException", /at most 3/);
    await expectError(update({ addRegionAction: { regionName: "us-west-1" } }), "ValidationException", /already/);
    await expectError(update({ addRegionAction: { regionName: "eu-west-1" }, deleteRegionAction: { regionName: "us-west-1" } }), "ValidationException");
    await expectError(incidents.updateReplicationSet({ arn, actions: [] }), "ValidationException", /actions/);
    await expectError(
      incidents.updateReplicationSet({ arn: "arn:aws:ssm-incidents::000000000000:replication-set/nope", actions: [{ deleteRegionAction: { regionName: "us-west-1" } }] }),
      "ResourceNotFoundException",
    );
  });

  it("deletes a Region: DELETING, then gone once it settles", async () => {
    await update({ deleteRegionAction: { regionName: "us-west-2" } });
    const set = await get();
    expect(set.status).toBe("UPDATING");
    expect(set.regionMap!["us-west-2"].status).toBe("DELETING");
    clock.advance(REGION_SETTLE_MS);
    expect(await regionsOf()).toEqual(["us-east-1", "us-west-1"]);
    expect((await get()).status).toBe("ACTIVE");
    await expectError(update({ deleteRegionAction: { regionName: "eu-central-1" } }), "ValidationException", /not in the replication set/);
    await update({ deleteRegionAction: { regionName: "us-west-1" } });
    clock.advance(REGION_SETTLE_MS);
    expect(await regionsOf()).toEqual(["us-east-1"]);
  });

  it("never removes the last Region by update; deletion protection also blocks deleting the set", async () => {
    await incidents.updateDeletionProtection({ arn, deletionProtected: true });
    expect((await get()).deletionProtected).toBe(true);
    await expectError(update({ deleteRegionAction: { regionName: "us-east-1" } }), "ValidationException", /deletion protection/);
    await expectError(incidents.deleteReplicationSet({ arn }), "ValidationException", /[Dd]eletion protection/);
    expect(await regionsOf()).toEqual(["us-east-1"]);

    await incidents.updateDeletionProtection({ arn, deletionProtected: false });
    expect((await get()).deletionProtected).toBe(false);
    await expectError(update({ deleteRegionAction: { regionName: "us-east-1" } }), "ValidationException", /DeleteReplicationSet/);
    await expectError(
      incidents.updateDeletionProtection({ arn: "arn:aws:ssm-incidents::000000000000:replication-set/nope", deletionProtected: true }),
      "ResourceNotFoundException",
    );
  });

  it("deleting the set deletes all Incident Manager data, contacts included, and nothing works until a new set exists", async () => {
    const db = database.db;
    const plan = await newPlan();
    await incidents.putResourcePolicy({ resourceArn: plan, policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    const clientToken = randomUUID();
    const { incidentRecordArn } = await incidents.startIncident({
      responsePlanArn: plan,
      clientToken,
      relatedItems: [{ identifier: { type: "OTHER", value: { url: "https://example.com/graph" } } }],
    });
    await incidents.tagResource({ resourceArn: incidentRecordArn!, tags: { extra: "1" } });
    // Contacts data: a contact with a channel and a plan, tagged, with a policy, engaged (a page,
    // receipts, pending engine steps, inbox rows).
    const { ContactArn } = await contacts.createContact({ Alias: `doomed-${randomUUID().slice(0, 8)}`, Type: "PERSONAL", Plan: { Stages: [] }, Tags: [{ Key: "team", Value: "db" }] });
    await contacts.createContactChannel({ ContactId: ContactArn, Name: "mail", Type: "EMAIL", DeliveryAddress: { SimpleAddress: "doomed@example.com" }, IdempotencyToken: randomUUID() });
    await contacts.putContactPolicy({ ContactArn, Policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    await contacts.startEngagement({ ContactId: ContactArn!, Sender: "ops", Subject: "s", Content: "c", IdempotencyToken: randomUUID() });
    // A rotation with an override, in an on-call schedule.
    const { RotationArn } = await contacts.createRotation({ Name: `doomed-${randomUUID().slice(0, 8)}`, ContactIds: [ContactArn!], TimeZoneId: "UTC", Recurrence: { DailySettings: [{ HourOfDay: 9, MinuteOfHour: 0 }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 }, Tags: [{ Key: "team", Value: "db" }] });
    await contacts.createRotationOverride({ RotationId: RotationArn, NewContactIds: [ContactArn!], StartTime: new Date("2027-01-01T00:00:00Z"), EndTime: new Date("2027-01-02T00:00:00Z") });
    await contacts.createContact({ Alias: `doomed-schedule-${randomUUID().slice(0, 8)}`, Type: "ONCALL_SCHEDULE", Plan: { RotationIds: [RotationArn!] } });
    expect(await db.page.count()).toBeGreaterThan(0);
    expect(await db.engineJob.count()).toBeGreaterThan(0);
    expect(await db.timelineEvent.count()).toBeGreaterThan(0);
    expect(await db.relatedItem.count()).toBeGreaterThan(0);
    expect(await db.automationExecution.count()).toBeGreaterThan(0);
    expect(await db.idempotencyRecord.count({ where: { service: "ssm-incidents" } })).toBeGreaterThan(0);

    await incidents.deleteReplicationSet({ arn });

    expect(await incidents.listReplicationSets({})).toEqual({ replicationSetArns: [] });
    await expectError(incidents.getReplicationSet({ arn }), "ResourceNotFoundException");
    await expectError(incidents.deleteReplicationSet({ arn }), "ResourceNotFoundException");
    await expectError(incidents.getIncidentRecord({ arn: incidentRecordArn }), "ResourceNotFoundException");
    expect((await incidents.listResponsePlans({})).responsePlanSummaries).toEqual([]);
    expect((await incidents.listIncidentRecords({})).incidentRecordSummaries).toEqual([]);
    const counts = await Promise.all([
      db.incidentRecord.count(),
      db.timelineEvent.count(),
      db.eventReference.count(),
      db.relatedItem.count(),
      db.automationExecution.count(),
      db.responsePlan.count(),
      db.responsePlanEngagement.count(),
      db.responsePlanAction.count(),
      db.responsePlanIntegration.count(),
      db.resourcePolicy.count(),
      db.replicationRegion.count(),
      db.tag.count(),
      db.idempotencyRecord.count(),
      db.contact.count(),
      db.contactChannel.count(),
      db.planStage.count(),
      db.engagement.count(),
      db.page.count(),
      db.receipt.count(),
      db.engineJob.count(),
      db.notification.count(),
      db.rotation.count(),
      db.rotationMember.count(),
      db.rotationOverride.count(),
      db.scheduleRotation.count(),
    ]);
    expect(counts).toEqual(counts.map(() => 0));
    expect((await contacts.listContacts({})).Contacts).toEqual([]);

    await expectError(incidents.startIncident({ responsePlanArn: plan }), "ConflictException", /CreateReplicationSet/);
  });

  it("starts over with a new set", async () => {
    const { arn: again } = await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    expect(again).not.toBe(arn);
    expect((await incidents.listTagsForResource({ resourceArn: again! })).tags).toEqual({});
    const plan = await newPlan();
    const { incidentRecordArn } = await incidents.startIncident({ responsePlanArn: plan });
    expect((await incidents.getIncidentRecord({ arn: incidentRecordArn })).incidentRecord?.status).toBe("OPEN");
  });
});

// DeleteIncidentRecord's contract suite sees only the API; here the rows show that nothing of the
// record is left behind (timeline, references, related items, automation executions, tags).
describe.each(PROVIDERS)("DeleteIncidentRecord leaves no rows behind on %s", (provider) => {
  let database: TestDatabase;
  afterAll(async () => database?.cleanup());

  it("removes the record's own rows and only those", async () => {
    database = await createTestDatabase(provider);
    const db = database.db;
    const { incidents } = localServices({ principalArn }, { db, accountId: "000000000000", region: "us-east-1" });
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    const { arn: plan } = await incidents.createResponsePlan({
      name: "rows",
      incidentTemplate: { title: "Rows", impact: 3, incidentTags: { service: "db" } },
      actions: [{ ssmAutomation: { documentName: "Runbook", roleArn: "arn:aws:iam::000000000000:role/runbook" } }],
    });
    const start = () =>
      incidents.startIncident({
        responsePlanArn: plan,
        relatedItems: [{ identifier: { type: "OTHER", value: { url: `https://example.com/${randomUUID()}` } } }],
      });
    const { incidentRecordArn: doomed } = await start();
    const { incidentRecordArn: kept } = await start();
    const idOf = async (arn: string) => (await db.incidentRecord.findUniqueOrThrow({ where: { arn }, select: { id: true } })).id;
    const [doomedId, keptId] = [await idOf(doomed!), await idOf(kept!)];
    const rowsOf = (incidentId: string, arn: string) =>
      Promise.all([
        db.timelineEvent.count({ where: { incidentId } }),
        db.relatedItem.count({ where: { incidentId } }),
        db.automationExecution.count({ where: { incidentId } }),
        db.tag.count({ where: { resourceArn: arn } }),
      ]);
    const before = await rowsOf(keptId, kept!);
    expect(before.every((n) => n > 0)).toBe(true);

    await incidents.deleteIncidentRecord({ arn: doomed });
    expect(await db.incidentRecord.count({ where: { id: doomedId } })).toBe(0);
    expect(await rowsOf(doomedId, doomed!)).toEqual([0, 0, 0, 0]);
    expect(await rowsOf(keptId, kept!)).toEqual(before);
  });
});
