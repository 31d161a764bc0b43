// The Engagements pages' reads (ssm-contacts ListEngagements, DescribeEngagement,
// ListPagesByEngagement, ListPageReceipts) through the contract, so aws mode works too.
import "server-only";
import type { Receipt } from "@aws-sdk/client-ssm-contacts";
import { withServices } from "@/lib/console/core/safe-action";
import { getMyContactArn } from "@/lib/auth/my-contact";
import type { ReceiptRow } from "../incidents/dto";
import type { EngagementDetail, EngagementListPage } from "./dto";
import { timeRangeValue, type EngagementListFilter } from "./filters";
import { toPageRow } from "./incident-engagements";

export const ENGAGEMENTS_PAGE_SIZE = 20;

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);

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
