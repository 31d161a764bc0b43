// Pages: DescribePage, ListPagesByContact, ListPagesByEngagement, ListPageReceipts, AcceptPage.
// A page is one engaged personal contact; its receipts record each delivery attempt and each
// acceptance. Accept codes are read from the contact's console inbox (the outbox row addressed to
// the contact ARN).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactsTarget } from "../contacts.contract";
import { expectError } from "../incidents.contract";
import { message, pagedContact, PAGE_ARN } from "./engagements";
import { expectFields, newPersonalContact, newActivatedChannel, unique } from "./helpers";
import type { ContactsSuite } from "./types";

async function engageOnce(t: ContactsTarget) {
  const c = await pagedContact(t);
  const { EngagementArn } = await t.contacts.startEngagement({ ContactId: c.arn, ...message });
  const [page] = (await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;
  return { c, EngagementArn: EngagementArn!, PageArn: page.PageArn! };
}

/** The accept code the page's inbox message quotes. */
async function acceptCode(t: ContactsTarget, contactArn: string) {
  const inbox = (await t.outbox(contactArn)).filter((m) => m.kind === "PAGE" && m.channel === "INBOX");
  const code = /code ([0-9]{6})/.exec(inbox[inbox.length - 1]?.body ?? "")?.[1];
  if (!code) throw new Error(`no page reached the inbox of ${contactArn}`);
  return code;
}

export const pagesSuite: ContactsSuite = ({ target, ensure }) => {
  describe("pages", () => {
    beforeAll(async () => {
      await ensure();
    });

    it("describes a page with its engagement's message and times", async () => {
      const t = target();
      const { c, EngagementArn, PageArn } = await engageOnce(t);
      const page = await t.contacts.describePage({ PageId: PageArn });
      expect(page).toMatchObject({ PageArn, EngagementArn, ContactArn: c.arn, ...message });
      expect(page.PageArn).toMatch(PAGE_ARN);
      expect(page.SentTime).toBeInstanceOf(Date);
      expect(page.DeliveryTime).toBeUndefined();
      expect(page.ReadTime).toBeUndefined();
      await expectError(
        t.contacts.describePage({ PageId: `arn:aws:ssm-contacts:us-east-1:000000000000:page/${c.alias}/${randomUUID()}` }),
        "ResourceNotFoundException",
      );
    });

    it("lists a contact's pages newest first, a page at a time", async () => {
      const t = target();
      const c = await pagedContact(t);
      const pages: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { EngagementArn } = await t.contacts.startEngagement({ ContactId: c.arn, ...message, Subject: `page ${i}` });
        pages.push((await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages![0].PageArn!);
      }
      const { Pages } = await t.contacts.listPagesByContact({ ContactId: c.arn });
      expect(Pages!.map((p) => p.PageArn)).toEqual([...pages].reverse());
      expect(Pages![0]).toMatchObject({ ContactArn: c.arn, Sender: message.Sender });

      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await t.contacts.listPagesByContact({ ContactId: c.arn, MaxResults: 2, NextToken });
        seen.push(...page.Pages!.map((p) => p.PageArn!));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(seen).toEqual([...pages].reverse());

      const quiet = await newPersonalContact(t, "quiet");
      expect((await t.contacts.listPagesByContact({ ContactId: quiet.arn })).Pages).toEqual([]);
      await expectError(
        t.contacts.listPagesByContact({ ContactId: `arn:aws:ssm-contacts:us-east-1:000000000000:contact/nobody-${unique()}` }),
        "ResourceNotFoundException",
      );
    });

    it("lists a page's receipts newest first with the channel each was for, a page at a time", async () => {
      const t = target();
      const { c, PageArn } = await engageOnce(t);
      const { Receipts } = await t.contacts.listPageReceipts({ PageId: PageArn });
      expect(Receipts!.map((r) => `${r.ReceiptType} ${r.ContactChannelArn}`).sort()).toEqual(
        [`ERROR ${c.unverified.arn}`, `SENT ${c.email.arn}`, `SENT ${c.sms.arn}`].sort(),
      );
      for (const r of Receipts!) expect(r.ReceiptTime).toBeInstanceOf(Date);

      await t.contacts.acceptPage({ PageId: PageArn, AcceptType: "READ", AcceptCode: await acceptCode(t, c.arn) });
      const after = (await t.contacts.listPageReceipts({ PageId: PageArn })).Receipts!;
      expect(after).toHaveLength(4);
      expect(after[0].ReceiptType).toBe("READ");

      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await t.contacts.listPageReceipts({ PageId: PageArn, MaxResults: 1, NextToken });
        expect(page.Receipts!.length).toBeLessThanOrEqual(1);
        seen.push(...page.Receipts!.map((r) => `${r.ReceiptType} ${r.ContactChannelArn ?? "-"}`));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(seen).toEqual(after.map((r) => `${r.ReceiptType} ${r.ContactChannelArn ?? "-"}`));
      await expectError(
        t.contacts.listPageReceipts({ PageId: `arn:aws:ssm-contacts:us-east-1:000000000000:page/x/${randomUUID()}` }),
        "ResourceNotFoundException",
      );
    });

    it("AcceptPage DELIVERED records a DELIVERED receipt and sets DeliveryTime, not ReadTime", async () => {
      const t = target();
      const { c, PageArn } = await engageOnce(t);
      await t.contacts.acceptPage({ PageId: PageArn, AcceptType: "DELIVERED", AcceptCode: "000000", ContactChannelId: c.email.arn, Note: "phone buzzed" });
      const page = await t.contacts.describePage({ PageId: PageArn });
      expect(page.DeliveryTime).toBeInstanceOf(Date);
      expect(page.ReadTime).toBeUndefined();
      const [latest] = (await t.contacts.listPageReceipts({ PageId: PageArn })).Receipts!;
      expect(latest).toMatchObject({ ReceiptType: "DELIVERED", ContactChannelArn: c.email.arn, ReceiptInfo: "phone buzzed" });
      expect(latest.ReceiptTime).toEqual(page.DeliveryTime);
    });

    it("AcceptPage READ acknowledges: ReadTime is set once, with IGNORE any code is accepted", async () => {
      const t = target();
      const { PageArn } = await engageOnce(t);
      await t.contacts.acceptPage({ PageId: PageArn, AcceptType: "READ", AcceptCode: "999999", AcceptCodeValidation: "IGNORE", Note: "ack from console" });
      const first = await t.contacts.describePage({ PageId: PageArn });
      expect(first.ReadTime).toBeInstanceOf(Date);
      const [read] = (await t.contacts.listPageReceipts({ PageId: PageArn })).Receipts!;
      expect(read).toMatchObject({ ReceiptType: "READ", ReceiptInfo: "ack from console" });
      expect(read.ContactChannelArn).toBeUndefined();
      // A second acknowledgement is another receipt; the page keeps its first ReadTime.
      await t.contacts.acceptPage({ PageId: PageArn, AcceptType: "READ", AcceptCode: "999999" });
      expect((await t.contacts.describePage({ PageId: PageArn })).ReadTime).toEqual(first.ReadTime);
      expect((await t.contacts.listPageReceipts({ PageId: PageArn })).Receipts!.filter((r) => r.ReceiptType === "READ")).toHaveLength(2);
    });

    it("AcceptPage with ENFORCE takes only the code sent with the page", async () => {
      const t = target();
      const { c, PageArn } = await engageOnce(t);
      const code = await acceptCode(t, c.arn);
      // The same code reached the contact's channels.
      expect((await t.outbox(c.email.address)).find((m) => m.kind === "PAGE")!.body).toContain(code);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
      expectFields(
        await expectError(t.contacts.acceptPage({ PageId: PageArn, AcceptType: "READ", AcceptCode: wrong, AcceptCodeValidation: "ENFORCE" }), "ValidationException"),
        "AcceptCode",
      );
      expect((await t.contacts.describePage({ PageId: PageArn })).ReadTime).toBeUndefined();
      await t.contacts.acceptPage({ PageId: PageArn, AcceptType: "READ", AcceptCode: code, AcceptCodeValidation: "ENFORCE" });
      expect((await t.contacts.describePage({ PageId: PageArn })).ReadTime).toBeInstanceOf(Date);
    });

    it("AcceptPage rejects an unknown page and a channel of another contact", async () => {
      const t = target();
      const { PageArn } = await engageOnce(t);
      const stranger = await newPersonalContact(t, "stranger");
      const theirs = await newActivatedChannel(t, stranger.arn, { Type: "EMAIL" });
      expectFields(
        await expectError(t.contacts.acceptPage({ PageId: PageArn, AcceptType: "DELIVERED", AcceptCode: "000000", ContactChannelId: theirs.arn }), "ValidationException"),
        "ContactChannelId",
      );
      await expectError(
        t.contacts.acceptPage({ PageId: `arn:aws:ssm-contacts:us-east-1:000000000000:page/x/${randomUUID()}`, AcceptType: "READ", AcceptCode: "000000" }),
        "ResourceNotFoundException",
      );
      expect((await t.contacts.describePage({ PageId: PageArn })).DeliveryTime).toBeUndefined();
    });
  });
};
