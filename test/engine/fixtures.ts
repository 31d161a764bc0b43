// Engine test data written straight into the tables (contacts, channels, plans), so the engine is
// tested on its own; the contract suites reach the same through the API.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDatabase, type Provider, type TestDatabase } from "../support/databases";
import type { Db } from "@/lib/db/client";
import { localServices } from "@/lib/im/local";
import { ManualClock } from "@/lib/im/local/clock";
import { contactsArn } from "@/lib/im/arns";
import { tick, type EngineContext } from "@/lib/im/local/engine";
import { outboxNotifier } from "@/lib/notify/outbox";
import type { Notifier } from "@/lib/notify/types";

export const IDS = { accountId: "000000000000", region: "us-east-1" };
export const T0 = new Date("2026-03-01T03:00:00.000Z");
export const MIN = 60_000;

export type ChannelSpec = { type: "EMAIL" | "SMS" | "VOICE"; address: string; activated?: boolean };
export type PersonalStage = { minutes: number; targets: { channel: number; retry?: number }[] };
export type EscalationStage = { minutes: number; targets: { contactArn: string; essential: boolean }[] };

let seq = 0;
const unique = (alias: string) => `${alias}-${++seq}-${randomUUID().slice(0, 6)}`;

export async function seedPersonal(db: Db, alias: string, channels: ChannelSpec[], stages: PersonalStage[]) {
  const contactId = randomUUID();
  const a = unique(alias);
  const arn = contactsArn.contact(IDS, a);
  const channelArns = channels.map(() => "");
  await db.contact.create({ data: { id: contactId, arn, alias: a, type: "PERSONAL" } });
  for (const [i, c] of channels.entries()) {
    const id = randomUUID();
    channelArns[i] = contactsArn.channel(IDS, a, id);
    await db.contactChannel.create({
      data: { id, arn: channelArns[i], contactId, name: `${c.type.toLowerCase()}-${i}`, type: c.type, address: c.address, activationStatus: c.activated === false ? "NOT_ACTIVATED" : "ACTIVATED" },
    });
  }
  for (const [k, s] of stages.entries()) {
    await db.planStage.create({
      data: {
        id: randomUUID(),
        contactId,
        position: k,
        durationInMinutes: s.minutes,
        targets: {
          create: s.targets.map((t, i) => ({ id: randomUUID(), position: i, channelArn: channelArns[t.channel], retryIntervalInMinutes: t.retry ?? null })),
        },
      },
    });
  }
  return { arn, alias: a, channelArns };
}

export async function seedEscalation(db: Db, alias: string, stages: EscalationStage[]) {
  const contactId = randomUUID();
  const a = unique(alias);
  const arn = contactsArn.contact(IDS, a);
  await db.contact.create({ data: { id: contactId, arn, alias: a, type: "ESCALATION" } });
  for (const [k, s] of stages.entries()) {
    await db.planStage.create({
      data: {
        id: randomUUID(),
        contactId,
        position: k,
        durationInMinutes: s.minutes,
        targets: { create: s.targets.map((t, i) => ({ id: randomUUID(), position: i, targetContactArn: t.contactArn, isEssential: t.essential })) },
      },
    });
  }
  return { arn, alias: a };
}

/**
 * An engine suite's database and harness, on one provider: call inside describe.each(PROVIDERS).
 * Tests share the database, so each starts with the earlier tests' pending steps cancelled (they
 * must not fire in a later test's ticks); setup() gives a harness whose at(s) sets the clock to
 * T0 + s seconds and runs one tick.
 */
export function engineSuite(provider: Provider) {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t.cleanup());
  beforeEach(async () => {
    await t.db.engineJob.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  });
  return {
    db: () => t.db,
    setup() {
      const h = harness(t.db);
      const at = async (seconds: number) => {
        h.clock.set(new Date(T0.getTime() + seconds * 1000));
        return tick(h.engine);
      };
      return { ...h, at };
    },
  };
}

/** The local services and the engine's context over one database, a manual clock and a notifier. */
export function harness(db: Db, options: { clock?: ManualClock; notifier?: Notifier; principal?: string } = {}) {
  const clock = options.clock ?? new ManualClock(T0);
  const notifier = options.notifier ?? outboxNotifier(db);
  const services = localServices({ principalArn: `arn:aws:iam::000000000000:user/${options.principal ?? "engine-test"}` }, { db, clock, notifier, ...IDS });
  const engine: EngineContext = { db, clock, notifier, ...IDS };
  return { clock, notifier, engine, ...services };
}

/** Receipts of a page, oldest first, as [type, channel index or "-", seconds after T0]. */
export async function receiptLog(db: Db, pageArn: string, channelArns: string[] = []) {
  const rows = await db.receipt.findMany({ where: { page: { arn: pageArn } }, orderBy: [{ receiptTime: "asc" }, { receiptType: "asc" }] });
  return rows.map((r) => {
    const i = r.contactChannelArn ? channelArns.indexOf(r.contactChannelArn) : -1;
    return [r.receiptType, i >= 0 ? i : "-", (r.receiptTime.getTime() - T0.getTime()) / 1000] as const;
  });
}

export const engagementInput = (contactArn: string, extra: Record<string, string> = {}) => ({
  ContactId: contactArn,
  Sender: "oncall-bot",
  Subject: "Checkout is down",
  Content: "5xx on checkout since 02:58 UTC",
  PublicSubject: "Checkout alarm",
  PublicContent: "Checkout alarm: please look",
  ...extra,
});
