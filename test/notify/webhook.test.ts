// SMS and voice through the webhook: a local node:http listener started here receives the JSON
// each page is POSTed as. 200 confirms (SENT + DELIVERED), 202 only accepts (SENT), an error
// status or a hang is an ERROR receipt — on each database.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifier } from "@/lib/notify";
import { webhookNotifier, type WebhookPayload } from "@/lib/notify/webhook";
import { engagementInput, harness, seedPersonal } from "../engine/fixtures";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

async function startWebhook() {
  const received: { headers: IncomingMessage["headers"]; payload: WebhookPayload }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const payload = JSON.parse(Buffer.concat(chunks).toString("utf8")) as WebhookPayload;
      received.push({ headers: req.headers, payload });
      if (payload.address.endsWith("9999")) return; // never answers
      const status = payload.address.endsWith("0500") ? 500 : payload.address.endsWith("0202") ? 202 : 200;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: `http://127.0.0.1:${port}/sms`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe.each(PROVIDERS)("SMS/voice webhook delivery on %s", (provider) => {
  let t: TestDatabase;
  let hook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    hook = await startWebhook();
  });
  afterAll(async () => {
    await hook.close();
    await t.cleanup();
  });

  it("an activation code delivered by the webhook is masked in the outbox; without a transport the outbox keeps it", async () => {
    const notifier = createNotifier(t.db, { smsWebhookUrl: hook.url });
    const body = "Your Incident Manager activation code is 493817. It activates ...";
    const sms = { kind: "ACTIVATION" as const, channel: "SMS" as const, address: "+15550100", body, channelArn: "arn:sms", secret: "493817" };
    const email = { ...sms, channel: "EMAIL" as const, address: "ana@example.com", channelArn: "arn:email" };
    await notifier.send(sms);
    await notifier.send(email);
    // The phone got the code; the outbox copy, which every responder can read, did not.
    expect(hook.received.at(-1)?.payload.body).toContain("493817");
    const rows = await t.db.notification.findMany({ where: { channelArn: { in: ["arn:sms", "arn:email"] } }, select: { channelArn: true, body: true, status: true } });
    expect(rows.find((r) => r.channelArn === "arn:sms")?.body).toBe("Your Incident Manager activation code is ••••••. It activates ...");
    expect(rows.find((r) => r.channelArn === "arn:sms")?.status).toBe("DELIVERED");
    // No e-mail transport here: the outbox is the delivery, shows the code, and says it only kept it (not SENT).
    expect(rows.find((r) => r.channelArn === "arn:email")?.body).toBe(body);
    expect(rows.find((r) => r.channelArn === "arn:email")?.status).toBe("KEPT");
  });

  it("POSTs each SMS and voice page as JSON; receipts follow the webhook's answer", async () => {
    const h = harness(t.db, { notifier: createNotifier(t.db, { smsWebhookUrl: hook.url }) });
    const c = await seedPersonal(
      t.db,
      "texted",
      [
        { type: "SMS", address: "+15550100200" },
        { type: "VOICE", address: "+15550100202" },
        { type: "SMS", address: "+15550100500" },
        { type: "EMAIL", address: "not-through-the-webhook@example.com" },
      ],
      [{ minutes: 5, targets: [{ channel: 0 }, { channel: 1 }, { channel: 2 }, { channel: 3 }] }],
    );
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const [page] = (await h.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;

    const sms = hook.received.find((r) => r.payload.address === "+15550100200")!;
    expect(sms.headers["content-type"]).toBe("application/json");
    expect(sms.payload).toEqual({
      kind: "PAGE",
      channel: "SMS",
      address: "+15550100200",
      subject: "Checkout alarm",
      body: expect.stringMatching(/^Checkout alarm: please look\nAcknowledge with code [0-9]{6}\.$/),
      pageArn: page.PageArn,
      channelArn: c.channelArns[0],
    });
    const voice = hook.received.find((r) => r.payload.address === "+15550100202")!;
    expect(voice.payload).toMatchObject({ channel: "VOICE", subject: "Checkout is down" });
    expect(voice.payload.body).toContain("5xx on checkout");
    expect(hook.received.some((r) => r.payload.address.includes("@"))).toBe(false);

    const { Receipts } = await h.contacts.listPageReceipts({ PageId: page.PageArn });
    const types = (i: number) => Receipts!.filter((r) => r.ContactChannelArn === c.channelArns[i]).map((r) => r.ReceiptType).sort();
    expect(types(0)).toEqual(["DELIVERED", "SENT"]);
    expect(types(1)).toEqual(["SENT"]);
    expect(types(2)).toEqual(["ERROR"]);
    expect(Receipts!.find((r) => r.ContactChannelArn === c.channelArns[2])!.ReceiptInfo).toMatch(/answered 500/);
    // No transport for e-mail is configured: the outbox keeps it, sent but unconfirmed.
    expect(types(3)).toEqual(["SENT"]);
  });

  it("gives up on a webhook that doesn't answer in time, with an error that says so", async () => {
    const result = await webhookNotifier({ url: hook.url, timeoutMs: 200 }).send({ kind: "PAGE", channel: "SMS", address: "+15550109999", body: "hello" });
    expect(result).toEqual({ ok: false, error: "The SMS/voice webhook failed: timed out" });
  });
});
