// Activation codes over time, which only an in-process clock can show: a code works until it is
// 15 minutes old and not after; only its hash is stored, and using it clears it; a notifier that
// fails doesn't undo a created channel, and an explicit SendActivationCode says it failed — on
// each database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import type { ContactsService } from "@/lib/im/contract";
import { ManualClock } from "@/lib/im/local/clock";
import { ACTIVATION_CODE_TTL_MS } from "@/lib/im/local/contacts/activation";
import { outboxNotifier } from "@/lib/notify/outbox";
import type { Message, Notifier } from "@/lib/notify/types";
import { expectError } from "../contract/incidents.contract";
import { expectFields } from "../contract/contacts-suites/helpers";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const MINUTE = 60_000;

describe.each(PROVIDERS)("contact channel activation over time on %s", (provider) => {
  let t: TestDatabase;
  let contacts: ContactsService;
  const clock = new ManualClock(new Date("2026-03-01T03:00:00Z"));
  /** Every message the notifier was given, in order. */
  const sent: Message[] = [];
  let failing = false;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const outbox = outboxNotifier(t.db);
    const notifier: Notifier = {
      async send(message) {
        sent.push(message);
        return failing ? { ok: false, error: "smtp: connection refused" } : outbox.send(message);
      },
    };
    ({ contacts } = localServices({ principalArn: "arn:aws:iam::000000000000:user/responder" }, { db: t.db, clock, accountId: "000000000000", region: "us-east-1", notifier }));
  });
  afterAll(async () => t.cleanup());

  const lastCode = (address: string) => {
    const m = sent.filter((x) => x.address === address).at(-1);
    return /activation code is (\d{6})/.exec(m?.body ?? "")?.[1] ?? "";
  };
  const newChannel = async (alias: string, address: string) => {
    const { ContactArn } = await contacts.createContact({ Alias: alias, Type: "PERSONAL", Plan: {} });
    const { ContactChannelArn } = await contacts.createContactChannel({ ContactId: ContactArn, Name: "mail", Type: "EMAIL", DeliveryAddress: { SimpleAddress: address } });
    return ContactChannelArn!;
  };
  const status = async (arn: string) => (await contacts.getContactChannel({ ContactChannelId: arn })).ActivationStatus;

  it("lasts fifteen minutes", async () => {
    expect(ACTIVATION_CODE_TTL_MS).toBe(15 * MINUTE);
    const early = await newChannel("early", "early@example.com");
    clock.advance(15 * MINUTE - 1);
    await contacts.activateContactChannel({ ContactChannelId: early, ActivationCode: lastCode("early@example.com") });
    expect(await status(early)).toBe("ACTIVATED");

    const late = await newChannel("late", "late@example.com");
    clock.advance(15 * MINUTE);
    const err = await expectError(contacts.activateContactChannel({ ContactChannelId: late, ActivationCode: lastCode("late@example.com") }), "ValidationException", /expired/);
    expectFields(err, "ActivationCode");
    expect(await status(late)).toBe("NOT_ACTIVATED");
    // A new code starts a new fifteen minutes.
    await contacts.sendActivationCode({ ContactChannelId: late });
    clock.advance(10 * MINUTE);
    await contacts.activateContactChannel({ ContactChannelId: late, ActivationCode: lastCode("late@example.com") });
    expect(await status(late)).toBe("ACTIVATED");
  });

  it("stores only a hash of the code, and clears it once used", async () => {
    const arn = await newChannel("hashed", "hashed@example.com");
    const code = lastCode("hashed@example.com");
    const row = await t.db.contactChannel.findUniqueOrThrow({ where: { arn } });
    expect(row.activationCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.activationCodeExpiresAt?.getTime()).toBe(clock.now().getTime() + 15 * MINUTE);
    await contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: code });
    const used = await t.db.contactChannel.findUniqueOrThrow({ where: { arn } });
    expect(used).toMatchObject({ activationStatus: "ACTIVATED", activationCodeHash: null, activationCodeExpiresAt: null });
  });

  it("takes five wrong codes, then needs a new code; a new code starts a new count", async () => {
    const arn = await newChannel("guessed", "guessed@example.com");
    const code = lastCode("guessed@example.com");
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      await expectError(contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: wrong }), "ValidationException", new RegExp(`not correct.*\\(${left} tr(y|ies) left\\)`));
    }
    await expectError(contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: wrong }), "ValidationException", /5 wrong codes void it/);
    // The right code no longer works: the guesses used it up.
    await expectError(contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: code }), "ValidationException", /No activation code is waiting/);
    expect(await status(arn)).toBe("NOT_ACTIVATED");
    await contacts.sendActivationCode({ ContactChannelId: arn });
    await expectError(contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: wrong === lastCode("guessed@example.com") ? "222222" : wrong }), "ValidationException", /4 tries left/);
    await contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: lastCode("guessed@example.com") });
    expect(await status(arn)).toBe("ACTIVATED");
  });

  it("counts concurrent wrong guesses: twenty at once leave the code void", async () => {
    const arn = await newChannel("flood", "flood@example.com");
    const code = lastCode("flood@example.com");
    const guesses = Array.from({ length: 20 }, (_, i) => String(i).padStart(6, "9")).filter((g) => g !== code);
    await Promise.allSettled(guesses.map((g) => contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: g })));
    const row = await t.db.contactChannel.findUniqueOrThrow({ where: { arn } });
    expect(row.activationCodeHash).toBeNull();
    await expectError(contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: code }), "ValidationException", /No activation code is waiting/);
  });

  it("keeps a channel whose code could not be sent, and says so when asked to send again", async () => {
    failing = true;
    try {
      const arn = await newChannel("unlucky", "unlucky@example.com");
      expect(await status(arn)).toBe("NOT_ACTIVATED");
      await expectError(contacts.sendActivationCode({ ContactChannelId: arn }), "InternalServerException", /could not be sent.*connection refused/);
      failing = false;
      await contacts.sendActivationCode({ ContactChannelId: arn });
      await contacts.activateContactChannel({ ContactChannelId: arn, ActivationCode: lastCode("unlucky@example.com") });
      expect(await status(arn)).toBe("ACTIVATED");
    } finally {
      failing = false;
    }
  });
});
