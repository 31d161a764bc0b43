// What the Engagements pages show. Client-safe types.
import type { EngagementFacts } from "./state";

/** One row of the Engagements list: ListEngagements, with DescribeEngagement's subject. */
export type EngagementListRow = {
  arn: string;
  contactArn: string;
  /** The engaged contact's or plan's display name (its alias when it has none). */
  contactName: string;
  sender: string;
  subject?: string;
  incidentId?: string;
  /** The incident's title, when IncidentId is an incident this console can read. */
  incidentTitle?: string;
  startTime?: string;
  stopTime?: string;
  /** What engagementState (state.ts) reads to say the engagement's state in words. */
  facts: EngagementFacts;
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

/** A delivery attempt; channelName is the channel's name, when the console can read it. */
export type ReceiptRow = { type: string; time: string; channelArn?: string; channelName?: string; info?: string };

/** One engaged personal contact: when it was sent, delivered, read (acknowledged), and its receipts newest first. */
export type PageRow = {
  arn: string;
  engagementArn: string;
  contactArn: string;
  /** The paged contact's display name (its alias when it has none). */
  contactName?: string;
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
  contactName: string;
  sender: string;
  startTime?: string;
  stopTime?: string;
  facts: EngagementFacts;
  pages: (PageRow & { receipts: ReceiptRow[] })[];
};

export type IncidentEngagements = { engagements: EngagementRow[]; myContactArn: string | null };
