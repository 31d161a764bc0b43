// What the Engagements pages show. Client-safe types.

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

export type ReceiptRow = { type: string; time: string; channelArn?: string; info?: string };

/** One engaged personal contact: when it was sent, delivered, read (acknowledged), and its receipts newest first. */
export type PageRow = {
  arn: string;
  engagementArn: string;
  contactArn: string;
  sender: string;
  incidentId?: string;
  subject?: string;
  sentTime?: string;
  deliveryTime?: string;
  readTime?: string;
  /** The signed-in user's contact is the one paged. */
  mine: boolean;
};

export type EngagementRow = {
  arn: string;
  contactArn: string;
  sender: string;
  startTime?: string;
  stopTime?: string;
  pages: (PageRow & { receipts: ReceiptRow[] })[];
};

export type IncidentEngagements = { engagements: EngagementRow[]; myContactArn: string | null };
