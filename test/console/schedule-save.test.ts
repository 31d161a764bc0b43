// Saving the schedule builder is several ssm-contacts calls (lib/console/schedules/builder/save-schedule.ts):
// rotations first, then the schedule contact naming them, then the rotations an edit removed. A
// save refused halfway deletes the rotations it created and says so; a request repeated with the
// same submission creates no second rotation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSchedule } from "@/lib/console/schedules/builder/save-schedule";
import { newRotation, type RotationFormValues, type ScheduleFormValues } from "@/lib/console/schedules/builder/schemas";
import type { Services } from "@/lib/im";
import { isImError } from "@/lib/im/errors";
import { localServices } from "@/lib/im/local";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

describe.each(PROVIDERS)("saving an on-call schedule on %s", (provider) => {
  let t: TestDatabase;
  let im: Services;
  let people: string[];
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    im = localServices({ principalArn: "arn:aws:iam::000000000000:user/admin" }, { db: t.db, accountId: "000000000000", region: "us-east-1" });
    people = [];
    for (const alias of ["ann", "ben", "cy"]) people.push((await im.contacts.createContact({ Alias: alias, Type: "PERSONAL", Plan: { Stages: [] } })).ContactArn!);
  });
  afterAll(async () => t.cleanup());

  const rotation = (name: string, over: Partial<RotationFormValues> = {}): RotationFormValues => ({ ...newRotation("Europe/Berlin", "2026-12-07"), name, members: people.slice(0, 2), ...over });
  const form = (alias: string, rotations: RotationFormValues[], submissionId: string, arn = ""): ScheduleFormValues => ({ arn, alias, displayName: `Schedule ${alias}`, rotations, submissionId });
  const rotationNames = async () => ((await im.contacts.listRotations({})).Rotations ?? []).map((r) => r.Name!).sort();

  it("creates the rotations and the schedule naming them, in order", async () => {
    const saved = await saveSchedule(im.contacts, form("payments", [rotation("pay-primary"), rotation("pay-secondary", { members: [people[2]] })], "submission-0000000001"));
    const contact = await im.contacts.getContact({ ContactId: saved.arn });
    expect(contact).toMatchObject({ Alias: "payments", Type: "ONCALL_SCHEDULE", DisplayName: "Schedule payments" });
    const rotations = await Promise.all(contact.Plan!.RotationIds!.map((id) => im.contacts.getRotation({ RotationId: id })));
    expect(rotations.map((r) => [r.Name, r.ContactIds, r.TimeZoneId])).toEqual([
      ["pay-primary", people.slice(0, 2), "Europe/Berlin"],
      ["pay-secondary", [people[2]], "Europe/Berlin"],
    ]);
    expect(rotations[0].StartTime).toEqual(new Date("2026-12-07T08:00:00Z"));
  });

  it("repeats nothing when the same submission is sent again after its rotations were made", async () => {
    const before = await rotationNames();
    // The first try went through but its answer was lost: the same request again gets the same
    // schedule, neither a second rotation nor an alias refusal (whose undo would delete the rotation).
    const values = form("billing", [rotation("bill-primary")], "submission-0000000002");
    const first = await saveSchedule(im.contacts, values);
    expect(await saveSchedule(im.contacts, values)).toEqual(first);
    expect((await im.contacts.getContact({ ContactId: first.arn })).Plan?.RotationIds).toHaveLength(1);
    expect((await rotationNames()).filter((n) => !before.includes(n))).toEqual(["bill-primary"]);
  });

  it("deletes the rotations it created when the schedule's alias is taken, and says so", async () => {
    const before = await rotationNames();
    const err = await saveSchedule(im.contacts, form("payments", [rotation("dup-a"), rotation("dup-b")], "submission-0000000003")).catch((e: unknown) => e);
    expect(isImError(err) && err.code).toBe("ConflictException");
    expect((err as Error).message).toMatch(/The rotations this save had created \(dup-a, dup-b\) were deleted again; nothing was saved\./);
    expect(await rotationNames()).toEqual(before);
  });

  it("puts a rotation's refusal on its form fields and leaves nothing behind", async () => {
    const before = await rotationNames();
    // The second rotation's name is the first one's: CreateRotation refuses it (ConflictException).
    const err = await saveSchedule(im.contacts, form("orders", [rotation("ord-primary"), rotation("pay-primary")], "submission-0000000004")).catch((e: unknown) => e);
    expect(isImError(err) && err.code).toBe("ValidationException");
    expect(isImError(err) && err.details.fields?.map((f) => f.name)).toEqual(["rotations.1.name"]);
    expect((err as Error).message).toMatch(/ord-primary\) was deleted again/);
    expect(await rotationNames()).toEqual(before);
  });

  it("edits: updates kept rotations, adds new ones, and deletes the ones removed", async () => {
    const created = await saveSchedule(im.contacts, form("search", [rotation("search-a"), rotation("search-b")], "submission-0000000005"));
    const [a, b] = (await im.contacts.getContact({ ContactId: created.arn })).Plan!.RotationIds!;
    const saved = await saveSchedule(
      im.contacts,
      form("search", [rotation("search-b", { arn: b, timeZoneId: "America/New_York", members: [people[1], people[0]] }), rotation("search-c")], "submission-0000000006", created.arn),
    );
    expect(saved.warnings).toEqual([]);
    const ids = (await im.contacts.getContact({ ContactId: created.arn })).Plan!.RotationIds!;
    expect(ids[0]).toBe(b);
    expect(ids).toHaveLength(2);
    const kept = await im.contacts.getRotation({ RotationId: b });
    expect([kept.TimeZoneId, kept.ContactIds]).toEqual(["America/New_York", [people[1], people[0]]]);
    await expect(im.contacts.getRotation({ RotationId: a })).rejects.toMatchObject({ code: "ResourceNotFoundException" });
    expect(await rotationNames()).toContain("search-c");
  });

  it("updates only the schedule's own rotations", async () => {
    const other = await saveSchedule(im.contacts, form("other", [rotation("other-a")], "submission-0000000008"));
    const [otherRotation] = (await im.contacts.getContact({ ContactId: other.arn })).Plan!.RotationIds!;
    const err = await saveSchedule(im.contacts, form("forged", [rotation("other-a", { arn: otherRotation, timeZoneId: "UTC" })], "submission-0000000009")).catch((e: unknown) => e);
    expect(isImError(err) && err.details.fields?.map((f) => f.name)).toEqual(["rotations.0.name"]);
    expect((await im.contacts.getRotation({ RotationId: otherRotation })).TimeZoneId).toBe("Europe/Berlin");
  });

  it("refuses to edit a contact that is not a schedule", async () => {
    await expect(saveSchedule(im.contacts, form("ann", [rotation("x")], "submission-0000000007", people[0]))).rejects.toThrow(/not an on-call schedule/);
  });
});
