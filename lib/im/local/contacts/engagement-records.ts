// Engagement, page and receipt rows as the ssm-contacts API returns them (reference: Engagement,
// Page, Receipt, DescribeEngagement, DescribePage). Optional members are left out when unset.
import type * as C from "@aws-sdk/client-ssm-contacts";
import type * as M from "@/lib/db/generated/sqlite/models";

const opt = <T>(v: T | null | undefined): T | undefined => (v === null || v === "" ? undefined : v);

export type EngagementRow = Pick<M.EngagementModel, "arn" | "contactArn" | "sender" | "incidentId" | "startTime" | "stopTime">;
export type PageRow = Pick<M.PageModel, "arn" | "contactArn" | "sender" | "incidentId" | "sentTime" | "deliveryTime" | "readTime"> & {
  engagement: { arn: string };
};
type Texts = Pick<M.EngagementModel, "subject" | "content" | "publicSubject" | "publicContent">;

export function toEngagement(row: EngagementRow): C.Engagement {
  return {
    EngagementArn: row.arn,
    ContactArn: row.contactArn,
    Sender: row.sender,
    IncidentId: opt(row.incidentId),
    StartTime: row.startTime,
    StopTime: opt(row.stopTime),
  };
}

function texts(row: Texts) {
  return { Subject: opt(row.subject), Content: opt(row.content), PublicSubject: opt(row.publicSubject), PublicContent: opt(row.publicContent) };
}

export function toDescribeEngagement(row: EngagementRow & Texts): C.DescribeEngagementResult {
  const { EngagementArn, ContactArn, Sender, IncidentId, StartTime, StopTime } = toEngagement(row);
  return { ContactArn: ContactArn!, EngagementArn: EngagementArn!, Sender: Sender!, ...texts(row), IncidentId, StartTime, StopTime };
}

export function toPage(row: PageRow): C.Page {
  return {
    PageArn: row.arn,
    EngagementArn: row.engagement.arn,
    ContactArn: row.contactArn,
    Sender: row.sender,
    IncidentId: opt(row.incidentId),
    SentTime: opt(row.sentTime),
    DeliveryTime: opt(row.deliveryTime),
    ReadTime: opt(row.readTime),
  };
}

export function toDescribePage(row: PageRow & Texts): C.DescribePageResult {
  const p = toPage(row);
  return {
    PageArn: p.PageArn!,
    EngagementArn: p.EngagementArn!,
    ContactArn: p.ContactArn!,
    Sender: p.Sender!,
    ...texts(row),
    IncidentId: p.IncidentId,
    SentTime: p.SentTime,
    DeliveryTime: p.DeliveryTime,
    ReadTime: p.ReadTime,
  };
}

export function toReceipt(row: Pick<M.ReceiptModel, "contactChannelArn" | "receiptType" | "receiptInfo" | "receiptTime">): C.Receipt {
  return {
    ContactChannelArn: opt(row.contactChannelArn),
    ReceiptType: row.receiptType as C.ReceiptType,
    ReceiptInfo: opt(row.receiptInfo),
    ReceiptTime: row.receiptTime,
  };
}
