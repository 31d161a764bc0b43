// An incident's engagements (ssm-contacts ListEngagements with IncidentId = the incident ARN),
// each with its pages and their receipts, as the signed-in user.
import "server-only";
import type { Page } from "@aws-sdk/client-ssm-contacts";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { getMyContactArn } from "@/lib/auth/my-contact";
import type { EngagementRow, IncidentEngagements, PageRow, ReceiptRow } from "../incidents/dto";

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);

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
  return (Receipts ?? []).map((r) => ({ type: r.ReceiptType!, time: iso(r.ReceiptTime)!, channelArn: r.ContactChannelArn, info: r.ReceiptInfo }));
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
