// Racing writes to contacts: concurrent CreateContact calls for one alias create it once and
// refuse the rest with ConflictException (never a database error); concurrent retries of one
// CreateContactChannel token create one channel and send one code; racing activations with one
// code all end ACTIVATED; racing plan updates of one contact each replace the whole plan — on
// each database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import type { ContactsService } from "@/lib/im/contract";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const N = 20;

describe.each(PROVIDERS)("concurrent contact writes on %s", (provider) => {
  let t: TestDatabase;
  let contacts: ContactsService;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ({ contacts } = localServices({ principalArn: "arn:aws:iam::000000000000:user/responder" }, { db: t.db, accountId: "000000000000", region: "us-east-1" }));
  });
  afterAll(async () => t.cleanup());

  it(`creates one contact from ${N} racing creates of one alias`, async () => {
    const results = await Promise.allSettled(Array.from({ length: N }, () => contacts.createContact({ Alias: "racer", Type: "PERSONAL", Plan: {} })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    expect(ok).toHaveLength(1);
    expect(failed.map((e) => e.name)).toEqual(Array(N - 1).fill("ConflictException"));
    expect(await t.db.contact.count({ where: { alias: "racer" } })).toBe(1);
  });

  it(`creates one channel and sends one code from ${N} racing retries of one token`, async () => {
    const { ContactArn } = await contacts.createContact({ Alias: "retrier", Type: "PERSONAL", Plan: {} });
    const input = { ContactId: ContactArn, Name: "mail", Type: "EMAIL" as const, DeliveryAddress: { SimpleAddress: "retrier@example.com" }, IdempotencyToken: "one-token" };
    const results = await Promise.all(Array.from({ length: N }, () => contacts.createContactChannel(input)));
    expect(new Set(results.map((r) => r.ContactChannelArn)).size).toBe(1);
    expect(await t.db.contactChannel.count({ where: { contact: { arn: ContactArn } } })).toBe(1);
    expect(await t.db.notification.count({ where: { address: "retrier@example.com" } })).toBe(1);
  });

  it("activates once from racing activations with one code", async () => {
    const { ContactArn } = await contacts.createContact({ Alias: "activator", Type: "PERSONAL", Plan: {} });
    const { ContactChannelArn } = await contacts.createContactChannel({ ContactId: ContactArn, Name: "sms", Type: "SMS", DeliveryAddress: { SimpleAddress: "+15005550100" } });
    const body = (await t.db.notification.findFirstOrThrow({ where: { address: "+15005550100" } })).body;
    const code = /activation code is (\d{6})/.exec(body)![1];
    const results = await Promise.allSettled(Array.from({ length: N }, () => contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: code })));
    // Each call either used the code or found the channel already activated: all succeed.
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await contacts.getContactChannel({ ContactChannelId: ContactChannelArn })).ActivationStatus).toBe("ACTIVATED");
  });

  it(`keeps one whole plan from ${N} racing plan updates of one contact`, async () => {
    const { ContactArn } = await contacts.createContact({ Alias: "replanned", Type: "PERSONAL", Plan: {} });
    const channels: string[] = [];
    for (const n of [1, 2, 3]) {
      const { ContactChannelArn } = await contacts.createContactChannel({
        ContactId: ContactArn,
        Name: `c${n}`,
        Type: "EMAIL",
        DeliveryAddress: { SimpleAddress: `replanned-${n}@example.com` },
        DeferActivation: true,
      });
      channels.push(ContactChannelArn!);
    }
    const plans = Array.from({ length: N }, (_, i) => ({
      Stages: Array.from({ length: 1 + (i % 3) }, (_, s) => ({
        DurationInMinutes: i % 30,
        Targets: [{ ChannelTargetInfo: { ContactChannelId: channels[(i + s) % 3], RetryIntervalInMinutes: i } }],
      })),
    }));
    const results = await Promise.allSettled(plans.map((Plan) => contacts.updateContact({ ContactId: ContactArn, Plan })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const { Plan } = await contacts.getContact({ ContactId: ContactArn });
    expect(plans).toContainEqual(Plan);
  });
});
