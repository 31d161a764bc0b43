// The engagement engine with a manual clock, on each database: stage timing to the second,
// retries, non-activated channels, acknowledgement (essential and not), StopEngagement. Time only
// moves when a test moves it; each `at(s)` sets the clock to T0 + s seconds and runs one tick.
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "../support/databases";
import { engagementInput, engineSuite, MIN, receiptLog, seedEscalation, seedPersonal, T0 } from "./fixtures";

describe.each(PROVIDERS)("engagement engine on %s", (provider) => {
  const suite = engineSuite(provider);
  const setup = suite.setup;
  const t = { get db() { return suite.db(); } };

  const sorted = (log: Awaited<ReturnType<typeof receiptLog>>) =>
    [...log].sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0]) || String(a[1]).localeCompare(String(b[1])));

  async function onlyPage(h: ReturnType<typeof setup>, engagementArn: string) {
    const { Pages } = await h.contacts.listPagesByEngagement({ EngagementId: engagementArn });
    expect(Pages).toHaveLength(1);
    return Pages![0];
  }

  async function personalWithPlan() {
    return seedPersonal(
      t.db,
      "walker",
      [
        { type: "EMAIL", address: "walker@example.com" },
        { type: "SMS", address: "+15550000001" },
        { type: "VOICE", address: "+15550000002" },
        { type: "EMAIL", address: "walker-unverified@example.com", activated: false },
      ],
      [
        { minutes: 5, targets: [{ channel: 0, retry: 1 }, { channel: 1 }, { channel: 3 }] },
        { minutes: 10, targets: [{ channel: 2, retry: 3 }] },
      ],
    );
  }

  it("walks a personal plan: stage k starts after stages 0..k-1, each target retried every RetryIntervalInMinutes while its stage lasts", async () => {
    const h = setup();
    const { at } = h;
    const c = await personalWithPlan();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    // Stage 0 started before the call answered: the page exists and was sent to its channels.
    const page = await onlyPage(h, EngagementArn!);
    expect(page).toMatchObject({ ContactArn: c.arn, EngagementArn, Sender: "oncall-bot", SentTime: T0 });
    expect(sorted(await receiptLog(t.db, page.PageArn!, c.channelArns))).toEqual([
      ["ERROR", 3, 0],
      ["SENT", 0, 0],
      ["SENT", 1, 0],
    ]);

    for (const s of [1, 30, 59]) expect((await at(s)).claimed).toBe(0);
    expect((await at(60)).claimed).toBe(1);
    for (const s of [61, 119]) expect((await at(s)).claimed).toBe(0);
    for (const s of [120, 180, 240]) expect((await at(s)).claimed).toBe(1);
    // One second before stage 1: nothing; at its second: the voice call.
    expect((await at(299)).claimed).toBe(0);
    expect((await at(300)).claimed).toBe(1);
    for (const s of [479, 480, 659, 660, 839, 840, 900, 1200, 3600]) await at(s);

    expect(sorted(await receiptLog(t.db, page.PageArn!, c.channelArns))).toEqual([
      ["ERROR", 3, 0],
      ["SENT", 0, 0],
      ["SENT", 1, 0],
      ["SENT", 0, 60],
      ["SENT", 0, 120],
      ["SENT", 0, 180],
      ["SENT", 0, 240],
      ["SENT", 2, 300],
      ["SENT", 2, 480],
      ["SENT", 2, 660],
      ["SENT", 2, 840],
    ]);
    // SentTime follows the latest send (as in the reference's DescribePage example).
    expect((await h.contacts.describePage({ PageId: page.PageArn })).SentTime).toEqual(new Date(T0.getTime() + 840_000));
    expect(await t.db.engineJob.count({ where: { engagement: { arn: EngagementArn }, status: "PENDING" } })).toBe(0);
  });

  it("never delivers to a channel that isn't activated: an ERROR receipt says why, and nothing reaches its address", async () => {
    const h = setup();
    const c = await personalWithPlan();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const page = await onlyPage(h, EngagementArn!);
    const { Receipts } = await h.contacts.listPageReceipts({ PageId: page.PageArn });
    const error = Receipts!.find((r) => r.ReceiptType === "ERROR");
    expect(error).toMatchObject({ ContactChannelArn: c.channelArns[3] });
    expect(error!.ReceiptInfo).toMatch(/not activated/);
    expect(await t.db.notification.count({ where: { address: "walker-unverified@example.com" } })).toBe(0);
  });

  it("puts every page in the console inbox of its contact, with the text and the accept code", async () => {
    const h = setup();
    const c = await personalWithPlan();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const page = await onlyPage(h, EngagementArn!);
    const inbox = await t.db.notification.findMany({ where: { channel: "INBOX", address: c.arn } });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: "PAGE", subject: "Checkout is down", pageId: page.PageArn });
    expect(inbox[0].body).toMatch(/5xx on checkout/);
    expect(inbox[0].body).toMatch(/code [0-9]{6}/);
    // SMS carries the public text, e-mail the secure one.
    const sms = await t.db.notification.findFirstOrThrow({ where: { address: "+15550000001", pageId: page.PageArn } });
    expect(sms.body).toMatch(/^Checkout alarm: please look/);
    expect(sms.body).not.toMatch(/5xx/);
    const mail = await t.db.notification.findFirstOrThrow({ where: { address: "walker@example.com", pageId: page.PageArn } });
    expect(mail.body).toMatch(/5xx on checkout/);
  });

  it("stops paging a contact once the page is read (acknowledged); DELIVERED stops nothing", async () => {
    const h = setup();
    const { at } = h;
    const c = await personalWithPlan();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const page = await onlyPage(h, EngagementArn!);
    h.clock.set(new Date(T0.getTime() + 30_000));
    await h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "DELIVERED", AcceptCode: "000000", ContactChannelId: c.channelArns[0] });
    await at(60);
    h.clock.set(new Date(T0.getTime() + 90_000));
    await h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "READ", AcceptCode: "000000", Note: "on it" });
    for (const s of [120, 180, 300, 480, 900]) expect((await at(s)).claimed).toBe(0);

    expect(sorted(await receiptLog(t.db, page.PageArn!, c.channelArns))).toEqual([
      ["ERROR", 3, 0],
      ["SENT", 0, 0],
      ["SENT", 1, 0],
      ["DELIVERED", 0, 30],
      ["SENT", 0, 60],
      ["READ", "-", 90],
    ]);
    const described = await h.contacts.describePage({ PageId: page.PageArn });
    expect(described.DeliveryTime).toEqual(new Date(T0.getTime() + 30_000));
    expect(described.ReadTime).toEqual(new Date(T0.getTime() + 90_000));
    const read = (await h.contacts.listPageReceipts({ PageId: page.PageArn })).Receipts![0];
    expect(read).toMatchObject({ ReceiptType: "READ", ReceiptInfo: "on it" });
    expect(await t.db.engineJob.count({ where: { engagement: { arn: EngagementArn }, status: "PENDING" } })).toBe(0);
  });

  it("checks the accept code only when asked to ENFORCE it", async () => {
    const h = setup();
    const c = await personalWithPlan();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const page = await onlyPage(h, EngagementArn!);
    const inbox = await t.db.notification.findFirstOrThrow({ where: { channel: "INBOX", pageId: page.PageArn } });
    const code = /code ([0-9]{6})/.exec(inbox.body)![1];
    const wrong = code === "111111" ? "222222" : "111111";
    await expect(h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "READ", AcceptCode: wrong, AcceptCodeValidation: "ENFORCE" })).rejects.toMatchObject({
      name: "ValidationException",
    });
    expect((await h.contacts.describePage({ PageId: page.PageArn })).ReadTime).toBeUndefined();
    await h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "READ", AcceptCode: code, AcceptCodeValidation: "ENFORCE" });
    expect((await h.contacts.describePage({ PageId: page.PageArn })).ReadTime).toEqual(T0);
  });

  async function escalation() {
    const person = (name: string) => seedPersonal(t.db, name, [{ type: "EMAIL", address: `${name}@example.com` }], [{ minutes: 10, targets: [{ channel: 0, retry: 2 }] }]);
    const [a, b, c] = [await person("ana"), await person("ben"), await person("cho")];
    const plan = await seedEscalation(t.db, "checkout-escalation", [
      { minutes: 5, targets: [{ contactArn: a.arn, essential: false }] },
      { minutes: 5, targets: [{ contactArn: b.arn, essential: true }] },
      { minutes: 5, targets: [{ contactArn: c.arn, essential: true }] },
    ]);
    return { a, b, c, plan };
  }

  const pagesOf = async (h: ReturnType<typeof setup>, engagementArn: string) =>
    ((await h.contacts.listPagesByEngagement({ EngagementId: engagementArn })).Pages ?? []).map((p) => p.ContactArn).reverse();

  it("escalates stage by stage; a non-essential acknowledgement doesn't stop it, an essential one does", async () => {
    const h = setup();
    const { at } = h;
    const { a, b, c, plan } = await escalation();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(plan.arn));
    expect(await pagesOf(h, EngagementArn!)).toEqual([a.arn]);

    const aPage = (await h.contacts.listPagesByContact({ ContactId: a.arn })).Pages![0];
    h.clock.set(new Date(T0.getTime() + 60_000));
    await h.contacts.acceptPage({ PageId: aPage.PageArn, AcceptType: "READ", AcceptCode: "000000" });
    await at(299);
    expect(await pagesOf(h, EngagementArn!)).toEqual([a.arn]);
    await at(300);
    expect(await pagesOf(h, EngagementArn!)).toEqual([a.arn, b.arn]);
    // Ana acknowledged: her retries stopped; Ben's page walks his own plan.
    expect((await receiptLog(t.db, aPage.PageArn!)).map((r) => r[2])).toEqual([0, 60]);

    const bPage = (await h.contacts.listPagesByContact({ ContactId: b.arn })).Pages![0];
    expect(bPage.SentTime).toEqual(new Date(T0.getTime() + 300_000));
    h.clock.set(new Date(T0.getTime() + 360_000));
    await h.contacts.acceptPage({ PageId: bPage.PageArn, AcceptType: "READ", AcceptCode: "000000" });
    for (const s of [420, 600, 900, 1800]) await at(s);
    expect(await pagesOf(h, EngagementArn!)).toEqual([a.arn, b.arn]);
    expect((await h.contacts.listPagesByContact({ ContactId: c.arn })).Pages).toEqual([]);
    expect(await t.db.engineJob.findMany({ where: { engagement: { arn: EngagementArn }, kind: "ESCALATION_STAGE" }, select: { status: true } })).toEqual([
      { status: "DONE" },
      { status: "CANCELLED" },
    ]);
    expect((await t.db.engagement.findUniqueOrThrow({ where: { arn: EngagementArn } })).acknowledgedTime).toEqual(new Date(T0.getTime() + 360_000));
  });

  it("keeps escalating through the last stage when only non-essential contacts acknowledge", async () => {
    const h = setup();
    const { at } = h;
    const { a, b, c } = await escalation();
    const plan = await seedEscalation(t.db, "all-optional", [
      { minutes: 5, targets: [{ contactArn: a.arn, essential: false }] },
      { minutes: 5, targets: [{ contactArn: b.arn, essential: false }] },
      { minutes: 5, targets: [{ contactArn: c.arn, essential: false }] },
    ]);
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(plan.arn));
    for (const s of [60, 300, 360, 600]) {
      await at(s);
      const { Pages } = await h.contacts.listPagesByEngagement({ EngagementId: EngagementArn });
      for (const p of Pages!) if (!p.ReadTime) await h.contacts.acceptPage({ PageId: p.PageArn, AcceptType: "READ", AcceptCode: "000000" });
    }
    expect(await pagesOf(h, EngagementArn!)).toEqual([a.arn, b.arn, c.arn]);
    expect((await h.contacts.listPagesByContact({ ContactId: c.arn })).Pages![0].SentTime).toEqual(new Date(T0.getTime() + 600_000));
  });

  it("StopEngagement stops every page with a STOP receipt and fires nothing after", async () => {
    const h = setup();
    const { at } = h;
    const { a, b, plan } = await escalation();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(plan.arn));
    await at(300);
    expect(await pagesOf(h, EngagementArn!)).toEqual([a.arn, b.arn]);
    h.clock.set(new Date(T0.getTime() + 330_000));
    await h.contacts.stopEngagement({ EngagementId: EngagementArn, Reason: "Mitigated" });
    await h.contacts.stopEngagement({ EngagementId: EngagementArn, Reason: "twice" });
    for (const s of [360, 420, 600, 900, 1800]) expect((await at(s)).claimed).toBe(0);

    const described = await h.contacts.describeEngagement({ EngagementId: EngagementArn });
    expect(described.StopTime).toEqual(new Date(T0.getTime() + 330_000));
    for (const p of (await h.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!) {
      const log = await receiptLog(t.db, p.PageArn!);
      expect(log.filter((r) => r[0] === "STOP")).toEqual([["STOP", "-", 330]]);
      expect(log.every((r) => r[2] <= 330)).toBe(true);
      const { Receipts } = await h.contacts.listPageReceipts({ PageId: p.PageArn });
      expect(Receipts![0]).toMatchObject({ ReceiptType: "STOP", ReceiptInfo: "Mitigated" });
    }
    expect(await pagesOf(h, EngagementArn!)).toEqual([a.arn, b.arn]);
    expect(await t.db.engineJob.count({ where: { engagement: { arn: EngagementArn }, status: "PENDING" } })).toBe(0);
  });

  it("starts stages of 0 minutes together with the next one", async () => {
    const h = setup();
    const { a, b } = await escalation();
    const plan = await seedEscalation(t.db, "zero", [
      { minutes: 0, targets: [{ contactArn: a.arn, essential: false }] },
      { minutes: 5, targets: [{ contactArn: b.arn, essential: true }] },
    ]);
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(plan.arn));
    // Both pages start at T0 (in either order).
    expect((await pagesOf(h, EngagementArn!)).sort()).toEqual([a.arn, b.arn].sort());
    expect(await t.db.engineJob.count({ where: { engagement: { arn: EngagementArn }, status: { in: ["PENDING", "RUNNING"] }, dueAt: { lte: T0 } } })).toBe(0);
  });

  it("catches up after time passed without ticks: each due step fires once, missed retries are skipped, not sent in a burst", async () => {
    const h = setup();
    const { at } = h;
    const c = await personalWithPlan();
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const page = await onlyPage(h, EngagementArn!);
    await at(150);
    await at(150);
    await at(20 * MIN / 1000);
    expect(sorted(await receiptLog(t.db, page.PageArn!, c.channelArns))).toEqual([
      ["ERROR", 3, 0],
      ["SENT", 0, 0],
      ["SENT", 1, 0],
      ["SENT", 0, 150],
      // The 120 s slot was missed; the next one is 180 s, fired late at 1200 s with stage 1's voice call.
      ["SENT", 0, 1200],
      ["SENT", 2, 1200],
    ]);
  });
});
