// E-mail through a real SMTP conversation: a local smtp-server listener started here receives what
// the composite notifier sends, for pages (SENT then DELIVERED once the server accepts the
// recipient; ERROR when it refuses) and for activation codes, on each database.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifier } from "@/lib/notify";
import { engagementInput, harness, seedPersonal } from "../engine/fixtures";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

type Mail = { from: string; to: string[]; raw: string };

async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce")) return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The text part of a raw message (nodemailer sends short plain text as quoted-printable or 7bit). */
const bodyOf = (raw: string) => raw.split(/\r?\n\r?\n/).slice(1).join("\n\n").replace(/=\r?\n/g, "").replace(/=3D/g, "=");

describe.each(PROVIDERS)("SMTP delivery on %s", (provider) => {
  let t: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await t.cleanup();
  });

  it("pages an e-mail channel through the SMTP server: SENT, then DELIVERED when the server takes it", async () => {
    const notifier = createNotifier(t.db, { smtpUrl: smtp.url, smtpFrom: "Incident Manager <im@example.com>" });
    const h = harness(t.db, { notifier });
    const c = await seedPersonal(
      t.db,
      "mailer",
      [
        { type: "EMAIL", address: "oncall@example.com" },
        { type: "EMAIL", address: "bounce@example.com" },
      ],
      [{ minutes: 5, targets: [{ channel: 0 }, { channel: 1 }] }],
    );
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const [page] = (await h.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;

    const received = smtp.mails.filter((m) => m.to.includes("oncall@example.com"));
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe("im@example.com");
    expect(received[0].raw).toMatch(/^Subject: Checkout is down$/m);
    expect(bodyOf(received[0].raw)).toContain("5xx on checkout since 02:58 UTC");
    expect(bodyOf(received[0].raw)).toMatch(/Acknowledge with the code [0-9]{6}/);
    expect(smtp.mails.filter((m) => m.to.includes("bounce@example.com"))).toEqual([]);

    const { Receipts } = await h.contacts.listPageReceipts({ PageId: page.PageArn });
    const of = (arn: string) => Receipts!.filter((r) => r.ContactChannelArn === arn);
    expect(of(c.channelArns[0]).map((r) => r.ReceiptType).sort()).toEqual(["DELIVERED", "SENT"]);
    const [bounced] = of(c.channelArns[1]);
    expect(bounced.ReceiptType).toBe("ERROR");
    expect(bounced.ReceiptInfo).toMatch(/No such mailbox|rejected/);
    expect((await h.contacts.describePage({ PageId: page.PageArn })).DeliveryTime).toBeInstanceOf(Date);

    // The outbox keeps a copy of each, with what the transport answered.
    expect(await t.db.notification.findFirst({ where: { address: "oncall@example.com" }, select: { status: true } })).toEqual({ status: "DELIVERED" });
    expect(await t.db.notification.findFirst({ where: { address: "bounce@example.com" }, select: { status: true } })).toEqual({ status: "FAILED" });
  });

  it("sends activation codes by e-mail the same way", async () => {
    const notifier = createNotifier(t.db, { smtpUrl: smtp.url });
    const h = harness(t.db, { notifier });
    const { ContactArn } = await h.contacts.createContact({ Alias: `mail-activation-${provider}`, Type: "PERSONAL", Plan: { Stages: [] } });
    await h.contacts.createContactChannel({ ContactId: ContactArn, Name: "work", Type: "EMAIL", DeliveryAddress: { SimpleAddress: "activate-me@example.com" } });
    const [mail] = smtp.mails.filter((m) => m.to.includes("activate-me@example.com"));
    expect(bodyOf(mail.raw)).toMatch(/activation code is [0-9]{6}/);
  });

  it("records an ERROR receipt, not an exception, when the SMTP server can't be reached", async () => {
    const closed = await startSmtp();
    await closed.close();
    const notifier = createNotifier(t.db, { smtpUrl: closed.url });
    const h = harness(t.db, { notifier });
    const c = await seedPersonal(t.db, "unreachable", [{ type: "EMAIL", address: "nobody-home@example.com" }], [{ minutes: 5, targets: [{ channel: 0 }] }]);
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const [page] = (await h.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;
    const { Receipts } = await h.contacts.listPageReceipts({ PageId: page.PageArn });
    expect(Receipts).toHaveLength(1);
    expect(Receipts![0]).toMatchObject({ ReceiptType: "ERROR", ContactChannelArn: c.channelArns[0] });
    expect(Receipts![0].ReceiptInfo).toMatch(/E-mail delivery failed: .*ECONNREFUSED/);
    expect((await h.contacts.describePage({ PageId: page.PageArn })).SentTime).toBeUndefined();
  });
});
