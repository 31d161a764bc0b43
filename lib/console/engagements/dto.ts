// What the Engagements pages show. Client-safe types.
import type { PageRow, ReceiptRow } from "../incidents/dto";

/** One row of the Engagements list: ListEngagements, with DescribeEngagement's subject. */
export type EngagementListRow = {
  arn: string;
  contactArn: string;
  sender: string;
  subject?: string;
  incidentId?: string;
  startTime?: string;
  stopTime?: string;
};

export type EngagementListPage = { items: EngagementListRow[]; nextToken?: string };

/** DescribeEngagement, its pages (ListPagesByEngagement) and their receipts, oldest first. */
export type EngagementDetail = EngagementListRow & {
  content: string;
  publicSubject?: string;
  publicContent?: string;
  pages: (PageRow & { receipts: ReceiptRow[] })[];
  myContactArn: string | null;
};
