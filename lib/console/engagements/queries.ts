// Engagement reads, as the signed-in user, through the contract (so aws mode works too): the
// Engagements pages (ListEngagements, DescribeEngagement, ListPagesByEngagement,
// ListPageReceipts) and an incident's Engagements tab (ListEngagements with IncidentId = the
// incident ARN, each with its pages and their receipts).
import "server-only";
import type { Receipt, Page } from "@aws-sdk/client-ssm-contacts";
import { getMyContactArn } from "@/lib/auth/my-contact";
import { iso } from "@/lib/console/core/names";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import type { EngagementDetail, EngagementListPage, EngagementRow, IncidentEngagements, PageRow, ReceiptRow } from "./dto";
import { engagementFacts, lookups, withChannelNames, type Lookups } from "./facts";
import { timeRangeValue, type EngagementListFilter } from "./filters";

export const ENGAGEMENTS_PAGE_SIZE = 20;

export function listEngagementsPage(filter: EngagementListFilter, nextToken?: string) {
  return withServices("listEngagementsPage", "contacts.read", async (ctx): Promise<EngagementListPage> => {
    const { im } = ctx;
    const look = lookups(ctx);
    const out = await im.contacts.listEngagements({
      IncidentId: filter.incident,
      TimeRangeValue: timeRangeValue(filter, Date.now()),
      MaxResults: ENGAGEMENTS_PAGE_SIZE,
      NextToken: nextToken || undefined,
    });
    // ListEngagements has no subject: each row's DescribeEngagement adds it (a page is 20 rows);
    // its pages say who acknowledged, and a stopped one's receipts why it stopped.
    const items = await Promise.all(
      (out.Engagements ?? []).map(async (e) => {
        const [d, pages] = await Promise.all([im.contacts.describeEngagement({ EngagementId: e.EngagementArn }), allPages(ctx, e.EngagementArn!)]);
        const stopTime = iso(e.StopTime);
        const withReceipts = await Promise.all(
          pages.map(async (p) => ({ contactArn: p.ContactArn!, readTime: iso(p.ReadTime), receipts: stopTime ? await allReceipts(ctx, p.PageArn!) : [] })),
        );
        const engaged = { contactArn: e.ContactArn!, startTime: iso(e.StartTime), stopTime };
        const [facts, contact, incidentTitle] = await Promise.all([engagementFacts(look, { arn: e.EngagementArn!, ...engaged }, withReceipts), look.contact(e.ContactArn!), look.incidentTitle(e.IncidentId)]);
        return {
          arn: e.EngagementArn!,
          contactArn: e.ContactArn!,
          contactName: contact.name,
          sender: e.Sender!,
          subject: d.Subject,
          incidentId: e.IncidentId,
          incidentTitle,
          startTime: engaged.startTime,
          stopTime,
          facts,
        };
      }),
    );
    return { items, nextToken: out.NextToken };
  });
}

async function allPages({ im }: ServiceContext, engagementArn: string): Promise<Page[]> {
  const pages: Page[] = [];
  let NextToken: string | undefined;
  do {
    const out = await im.contacts.listPagesByEngagement({ EngagementId: engagementArn, MaxResults: 100, NextToken });
    pages.push(...(out.Pages ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return pages;
}

async function allReceipts({ im }: ServiceContext, pageArn: string): Promise<ReceiptRow[]> {
  const receipts: ReceiptRow[] = [];
  let NextToken: string | undefined;
  do {
    const out = await im.contacts.listPageReceipts({ PageId: pageArn, MaxResults: 100, NextToken });
    receipts.push(...(out.Receipts ?? []).map(toReceipt));
    NextToken = out.NextToken;
  } while (NextToken);
  return receipts;
}

/** An engagement's pages, each with its receipts (oldest first, channels by name) and the paged contact's name; oldest page first. */
async function pagesWithReceipts(ctx: ServiceContext, look: Lookups, engagementArn: string, myContactArn: string | null) {
  const pages = await allPages(ctx, engagementArn);
  const rows = await Promise.all(
    pages.map(async (p) => {
      const [receipts, contact] = await Promise.all([allReceipts(ctx, p.PageArn!), look.contact(p.ContactArn!)]);
      return { ...toPageRow(p, myContactArn), contactName: contact.name, receipts: await withChannelNames(look, p.ContactArn!, receipts.sort(byTime)) };
    }),
  );
  return rows.sort((a, b) => (a.sentTime ?? "").localeCompare(b.sentTime ?? ""));
}

const byTime = (a: ReceiptRow, b: ReceiptRow) => a.time.localeCompare(b.time);
const toReceipt = (r: Receipt): ReceiptRow => ({ type: r.ReceiptType!, time: iso(r.ReceiptTime)!, channelArn: r.ContactChannelArn, info: r.ReceiptInfo });

export function getEngagementDetail(arn: string) {
  return withServices("getEngagementDetail", "contacts.read", async (ctx): Promise<EngagementDetail> => {
    const look = lookups(ctx);
    const d = await ctx.im.contacts.describeEngagement({ EngagementId: arn });
    const myContactArn = await getMyContactArn(ctx.user);
    const pages = await pagesWithReceipts(ctx, look, arn, myContactArn);
    const engaged = { contactArn: d.ContactArn!, startTime: iso(d.StartTime), stopTime: iso(d.StopTime) };
    const [facts, contact, incidentTitle] = await Promise.all([engagementFacts(look, { arn: d.EngagementArn!, ...engaged }, pages), look.contact(d.ContactArn!), look.incidentTitle(d.IncidentId)]);
    return {
      arn: d.EngagementArn!,
      contactArn: d.ContactArn!,
      contactName: contact.name,
      sender: d.Sender!,
      subject: d.Subject,
      content: d.Content ?? "",
      publicSubject: d.PublicSubject,
      publicContent: d.PublicContent,
      incidentId: d.IncidentId,
      incidentTitle,
      startTime: engaged.startTime,
      stopTime: engaged.stopTime,
      facts,
      pages,
      myContactArn,
    };
  });
}

export function toPageRow(p: Page, myContactArn: string | null): PageRow {
  return {
    arn: p.PageArn!,
    engagementArn: p.EngagementArn!,
    contactArn: p.ContactArn!,
    sender: p.Sender!,
    incidentId: p.IncidentId,
    sentTime: iso(p.SentTime),
    deliveryTime: iso(p.DeliveryTime),
    readTime: iso(p.ReadTime),
    mine: !!myContactArn && p.ContactArn === myContactArn,
  };
}

/** An incident's engagements with their pages, receipts and state; newest first. */
export async function readIncidentEngagements(ctx: ServiceContext, incidentArn: string, myContactArn: string | null): Promise<EngagementRow[]> {
  const look = lookups(ctx);
  const found = [];
  let NextToken: string | undefined;
  do {
    const out = await ctx.im.contacts.listEngagements({ IncidentId: incidentArn, MaxResults: 100, NextToken });
    found.push(...(out.Engagements ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  const engagements: EngagementRow[] = await Promise.all(
    found.map(async (e) => {
      const pages = await pagesWithReceipts(ctx, look, e.EngagementArn!, myContactArn);
      const engaged = { contactArn: e.ContactArn!, startTime: iso(e.StartTime), stopTime: iso(e.StopTime) };
      const [facts, contact] = await Promise.all([engagementFacts(look, { arn: e.EngagementArn!, ...engaged }, pages), look.contact(e.ContactArn!)]);
      return { arn: e.EngagementArn!, contactName: contact.name, sender: e.Sender!, ...engaged, facts, pages };
    }),
  );
  return engagements.sort((a, b) => (b.startTime ?? "").localeCompare(a.startTime ?? ""));
}

export function listIncidentEngagements(incidentArn: string) {
  return withServices("listIncidentEngagements", "contacts.read", async (ctx): Promise<IncidentEngagements> => {
    const myContactArn = await getMyContactArn(ctx.user);
    return { engagements: await readIncidentEngagements(ctx, incidentArn, myContactArn), myContactArn };
  });
}
