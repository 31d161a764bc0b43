// What contact reads hand to client components and return from GET route handlers: plain JSON.
// Client-safe (types and pure helpers only).

export type ContactType = "PERSONAL" | "ESCALATION" | "ONCALL_SCHEDULE";

export type ContactRow = {
  arn: string;
  alias: string;
  displayName?: string;
  type: ContactType;
  /** Personal contacts only: how many of their channels can be engaged. */
  channels?: { activated: number; total: number };
};

export type ContactPage = { items: ContactRow[]; nextToken?: string };

export type ContactListFilter = { aliasPrefix?: string; type?: ContactType; nextToken?: string };

export type ChannelView = {
  arn: string;
  name: string;
  type: "EMAIL" | "SMS" | "VOICE";
  address: string;
  activated: boolean;
};

/** One target of a stage: a channel (personal contact) or a contact (escalation plan). */
export type TargetView =
  | { kind: "channel"; channelArn: string; retryMinutes?: number }
  | { kind: "contact"; contactArn: string; alias: string; essential: boolean };

export type StageView = { durationMinutes: number; targets: TargetView[] };

export type PageRow = {
  arn: string;
  engagementArn: string;
  sender: string;
  incidentId?: string;
  /** The incident's title, when IncidentId is an incident this console can read. */
  incidentTitle?: string;
  sentTime?: string;
  deliveryTime?: string;
  readTime?: string;
};

export type ContactDetail = {
  arn: string;
  alias: string;
  displayName?: string;
  type: ContactType;
  stages: StageView[];
  channels: ChannelView[];
  /** The most recent pages of this contact (ListPagesByContact), or why they can't be shown. */
  pages: { ok: true; items: PageRow[] } | { ok: false; message: string };
};

export type ContactReferences = {
  escalationPlans: { arn: string; alias: string; displayName?: string }[];
  responsePlans: { arn: string; name: string; displayName?: string }[];
};

export type OutboxMessage = { id: string; channel: string; address: string; body: string; status: string; createdAt: string };

/** The local notifier's outbox for a channel: only the local model has one. */
export type ChannelOutbox = { available: true; messages: OutboxMessage[] } | { available: false; reason: string };

/** A contact, escalation plan or on-call schedule (ssm-contacts ListContacts). */
export type ContactOption = { arn: string; alias: string; displayName?: string; type: string };

/**
 * A contact that an engagement would not reach: a personal contact with no activated channel
 * (an engagement never pages a channel that isn't activated), directly or as a target of an
 * escalation plan (`via`: that plan's name).
 */
export type ReachWarning = { contactArn: string; name: string; via?: string; message: string };

/**
 * "bob-backup has no activated channel: they will not be reached". "They": the console doesn't
 * know anyone's pronouns. Undefined when the contact has an activated channel.
 */
export function reachWarningText(name: string, channels: { activated: number; total: number }, via?: string): string | undefined {
  if (channels.activated > 0) return undefined;
  const who = via ? `${name} (in ${via})` : name;
  return channels.total === 0 ? `${who} has no contact channel: they will not be reached` : `${who} has no activated channel: they will not be reached`;
}
