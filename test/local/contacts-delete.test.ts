// DeleteContact across both services: "Deleting a contact removes them from all escalation plans
// and related response plans. Deleting an escalation plan removes it from all related response
// plans." (reference: DeleteContact). The response plans are ssm-incidents', so this runs
// in-process, where both services share the database — on each database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import type { ContactsService, IncidentsService } from "@/lib/im/contract";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

describe.each(PROVIDERS)("DeleteContact and response plans on %s", (provider) => {
  let t: TestDatabase;
  let contacts: ContactsService;
  let incidents: IncidentsService;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ({ contacts, incidents } = localServices({ principalArn: "arn:aws:iam::000000000000:user/admin" }, { db: t.db, accountId: "000000000000", region: "us-east-1" }));
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
  });
  afterAll(async () => t.cleanup());

  const contact = async (Alias: string, Type: "PERSONAL" | "ESCALATION", Plan: object = { Stages: [] }) =>
    (await contacts.createContact({ Alias, Type, Plan })).ContactArn!;
  const engagementsOf = async (arn: string) => (await incidents.getResponsePlan({ arn })).engagements;

  it("removes a deleted contact and a deleted escalation plan from every response plan", async () => {
    const person = await contact("person", "PERSONAL");
    const other = await contact("other", "PERSONAL");
    const escalation = await contact("escalation", "ESCALATION", { Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: person, IsEssential: true } }] }] });
    const { arn: planA } = await incidents.createResponsePlan({ name: "a", incidentTemplate: { title: "A", impact: 3 }, engagements: [person, escalation, other] });
    const { arn: planB } = await incidents.createResponsePlan({ name: "b", incidentTemplate: { title: "B", impact: 3 }, engagements: [escalation] });

    await contacts.deleteContact({ ContactId: person });
    expect(await engagementsOf(planA!)).toEqual([escalation, other]);
    // The escalation plan lost its only target, the response plans keep it.
    expect((await contacts.getContact({ ContactId: escalation })).Plan).toEqual({ Stages: [{ DurationInMinutes: 5, Targets: [] }] });

    await contacts.deleteContact({ ContactId: escalation });
    expect(await engagementsOf(planA!)).toEqual([other]);
    expect(await engagementsOf(planB!)).toEqual([]);
  });
});
