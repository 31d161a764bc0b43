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
import { timeRangeValue, type EngagementListFilter } from "./filters";

export const ENGAGEMENTS_PAGE_SIZE = 20;

export function listEngagementsPage(filter: EngagementListFilter, nextToken?: string) {
  return withServices("listEngagementsPage", "contacts.read", async ({ im }): Promise<EngagementListPage> => {
    const out = await im.contacts.listEngagements({
      IncidentId: filter.incident,
      TimeRangeValue: timeRangeValue(filter, Date.now()),
      MaxResults: ENGAGEMENTS_PAGE_SIZE,
      NextToken: nextToken || undefined,
    });
    // ListEngagements has no subject: each row's DescribeEngagement adds it (a page is 20 rows).
    const items = await Promise.all(
      (out.Engagements ?? []).map(async (e) => {
        const d = await im.contacts.describeEngagement({ EngagementId: e.EngagementArn });
        return {
          arn: e.EngagementArn!,
          contactArn: e.ContactArn!,
          sender: e.Sender!,
          subject: d.Subject,
          incidentId: e.IncidentId,
          startTime: iso(e.StartTime),
          stopTime: iso(e.StopTime),
        };
      }),
    );
    return { items, nextToken: out.NextToken };
  });
}

const byTime = (a: ReceiptRow, b: ReceiptRow) => a.time.localeCompare(b.time);
const toReceipt = (r: Receipt): ReceiptRow => ({ type: r.ReceiptType!, time: iso(r.ReceiptTime)!, channelArn: r.ContactChannelArn, info: r.ReceiptInfo });

export function getEngagementDetail(arn: string) {
  return withServices("getEngagementDetail", "contacts.read", async ({ im, user }): Promise<EngagementDetail> => {
    const d = await im.contacts.describeEngagement({ EngagementId: arn });
    const myContactArn = await getMyContactArn(user);
    const pages = [];
    let NextToken: string | undefined;
    do {
      const out = await im.contacts.listPagesByEngagement({ EngagementId: arn, MaxResults: 100, NextToken });
      pages.push(...(out.Pages ?? []));
      NextToken = out.NextToken;
    } while (NextToken);
    const withReceipts = await Promise.all(
      pages.map(async (p) => {
        const receipts: ReceiptRow[] = [];
        let token: string | undefined;
        do {
          const out = await im.contacts.listPageReceipts({ PageId: p.PageArn, MaxResults: 100, NextToken: token });
          receipts.push(...(out.Receipts ?? []).map(toReceipt));
          token = out.NextToken;
        } while (token);
        return { ...toPageRow(p, myContactArn), receipts: receipts.sort(byTime) };
      }),
    );
    withReceipts.sort((a, b) => (a.sentTime ?? "").localeCompare(b.sentTime ?? ""));
    return {
      arn: d.EngagementArn!,
      contactArn: d.ContactArn!,
      sender: d.Sender!,
      subject: d.Subject,
      content: d.Content ?? "",
      publicSubject: d.PublicSubject,
      publicContent: d.PublicContent,
      incidentId: d.IncidentId,
      startTime: iso(d.StartTime),
      stopTime: iso(d.StopTime),
      pages: withReceipts,
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

async function receipts(ctx: ServiceContext, pageArn: string): Promise<ReceiptRow[]> {
  const { Receipts } = await ctx.im.contacts.listPageReceipts({ PageId: pageArn, MaxResults: 100 });
  return (Receipts ?? []).map(toReceipt);
}

export function listIncidentEngagements(incidentArn: string) {
  return withServices("listIncidentEngagements", "contacts.read", async (ctx): Promise<IncidentEngagements> => {
    const myContactArn = await getMyContactArn(ctx.user);
    const found = [];
    let NextToken: string | undefined;
    do {
      const out = await ctx.im.contacts.listEngagements({ IncidentId: incidentArn, MaxResults: 100, NextToken });
      found.push(...(out.Engagements ?? []));
      NextToken = out.NextToken;
    } while (NextToken);
    const engagements: EngagementRow[] = await Promise.all(
      found.map(async (e) => {
        const { Pages } = await ctx.im.contacts.listPagesByEngagement({ EngagementId: e.EngagementArn, MaxResults: 100 });
        const pages = await Promise.all((Pages ?? []).map(async (p) => ({ ...toPageRow(p, myContactArn), receipts: await receipts(ctx, p.PageArn!) })));
        return { arn: e.EngagementArn!, contactArn: e.ContactArn!, sender: e.Sender!, startTime: iso(e.StartTime), stopTime: iso(e.StopTime), pages };
      }),
    );
    engagements.sort((a, b) => (b.startTime ?? "").localeCompare(a.startTime ?? ""));
    return { engagements, myContactArn };
  });
}
