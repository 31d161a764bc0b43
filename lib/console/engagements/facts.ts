// What the engagement reads need besides the engagement itself, looked up once per request:
// contacts' names and plans (GetContact), their channels' names (ListContactChannels) and
// incidents' titles (GetIncidentRecord). All contract reads, so both modes work; a lookup that
// fails (a contact or incident deleted since, a role that can't read it) falls back to the name
// in the ARN rather than failing the page.
import "server-only";
import type { GetContactCommandOutput } from "@aws-sdk/client-ssm-contacts";
import { aliasFromContactArn } from "@/lib/console/contacts/paths";
import type { ServiceContext } from "@/lib/console/core/safe-action";
import { isImError } from "@/lib/im/errors";
import type { ReceiptRow } from "./dto";
import { stopperOf } from "./stops";
import type { EngagementFacts } from "./state";

type ContactInfo = {
  name: string;
  type?: string;
  stages: { durationMinutes: number; targets: { contactArn: string; essential: boolean }[] }[];
  /** How long the contact's own plan runs, in minutes. */
  planMinutes: number;
};

/** Only the errors AWS answers with for a missing or forbidden resource fall back; others fail the read. */
async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isImError(e)) return undefined;
    throw e;
  }
}

function toInfo(arn: string, c: Pick<GetContactCommandOutput, "DisplayName" | "Type" | "Plan"> | undefined): ContactInfo {
  const stages = (c?.Plan?.Stages ?? []).map((s) => ({
    durationMinutes: s.DurationInMinutes ?? 0,
    targets: (s.Targets ?? []).flatMap((t) => (t.ContactTargetInfo?.ContactId ? [{ contactArn: t.ContactTargetInfo.ContactId, essential: !!t.ContactTargetInfo.IsEssential }] : [])),
  }));
  return {
    name: c?.DisplayName || aliasFromContactArn(arn),
    type: c?.Type,
    stages,
    planMinutes: stages.reduce((sum, s) => sum + s.durationMinutes, 0),
  };
}

export type Lookups = ReturnType<typeof lookups>;

export function lookups({ im }: ServiceContext) {
  const contacts = new Map<string, Promise<ContactInfo>>();
  const channels = new Map<string, Promise<Map<string, string>>>();
  const incidents = new Map<string, Promise<string | undefined>>();

  const contact = (arn: string): Promise<ContactInfo> => {
    let found = contacts.get(arn);
    if (!found) {
      found = orUndefined(im.contacts.getContact({ ContactId: arn })).then((c) => toInfo(arn, c));
      contacts.set(arn, found);
    }
    return found;
  };

  /** A personal contact's channels: ARN → name. */
  const channelNames = (contactArn: string): Promise<Map<string, string>> => {
    let found = channels.get(contactArn);
    if (!found) {
      found = (async () => {
        const names = new Map<string, string>();
        let NextToken: string | undefined;
        do {
          const out = await orUndefined(im.contacts.listContactChannels({ ContactId: contactArn, MaxResults: 100, NextToken }));
          for (const ch of out?.ContactChannels ?? []) if (ch.ContactChannelArn) names.set(ch.ContactChannelArn, ch.Name || ch.ContactChannelArn);
          NextToken = out?.NextToken;
        } while (NextToken);
        return names;
      })();
      channels.set(contactArn, found);
    }
    return found;
  };

  /** An incident's title, when IncidentId is an incident record this console can read. */
  const incidentTitle = (id: string | undefined): Promise<string | undefined> => {
    if (!id || !id.includes(":incident-record/")) return Promise.resolve(undefined);
    let found = incidents.get(id);
    if (!found) {
      found = orUndefined(im.incidents.getIncidentRecord({ arn: id })).then((r) => r?.incidentRecord?.title || undefined);
      incidents.set(id, found);
    }
    return found;
  };

  /** Who stopped an engagement through the console (stops.ts); asked only of stopped ones. */
  const stopper = (engagementArn: string): Promise<string | undefined> => stopperOf(engagementArn);

  return { contact, channelNames, incidentTitle, stopper };
}

/**
 * The facts engagementState reads (state.ts): the engaged contact's stages, each escalation
 * target's own plan length, who each page went to by name, and StopEngagement's reason from the
 * STOP receipts.
 */
export async function engagementFacts(
  look: Lookups,
  e: { arn: string; contactArn: string; startTime?: string; stopTime?: string },
  pages: { contactArn: string; readTime?: string; receipts?: ReceiptRow[] }[],
): Promise<EngagementFacts> {
  const engaged = await look.contact(e.contactArn);
  // An on-call schedule pages whoever was on call when it was reached: its people are the pages'
  // contacts that no stage names itself. Each of them runs their own plan, and stands in for the
  // schedule as a target (essential as the schedule's target was).
  const named = new Set(engaged.stages.flatMap((s) => s.targets.map((t) => t.contactArn)));
  const onCallPeople = [...new Set(pages.map((p) => p.contactArn))].filter((arn) => !named.has(arn) && arn !== e.contactArn);
  const asTargets = async (t: { contactArn: string; essential: boolean }) => {
    const target = await look.contact(t.contactArn);
    if (target.type !== "ONCALL_SCHEDULE") return [{ ...t, planMinutes: target.planMinutes }];
    return Promise.all(onCallPeople.map(async (arn) => ({ contactArn: arn, essential: t.essential, planMinutes: (await look.contact(arn)).planMinutes })));
  };
  const plan = engaged.type === "ONCALL_SCHEDULE" ? [{ durationMinutes: 0, targets: [{ contactArn: e.contactArn, essential: true }] }] : engaged.stages;
  const stages = await Promise.all(
    plan.map(async (s) => ({
      durationMinutes: s.durationMinutes,
      targets: (await Promise.all(s.targets.map(asTargets))).flat(),
    })),
  );
  const stopReason = pages.flatMap((p) => p.receipts ?? []).find((r) => r.type === "STOP" && r.info)?.info;
  return {
    startTime: e.startTime,
    stopTime: e.stopTime,
    stopReason,
    stoppedBy: e.stopTime ? await look.stopper(e.arn) : undefined,
    // A schedule engaged directly is like a contact engaged directly: any acknowledgement ends it.
    escalation: engaged.type === "ESCALATION",
    stages,
    pages: await Promise.all(pages.map(async (p) => ({ contactArn: p.contactArn, contactName: (await look.contact(p.contactArn)).name, readTime: p.readTime }))),
  };
}

/**
 * Receipts worded for people: the channel by its name, and a channel ARN inside the info (an
 * error naming the channel) replaced by that name.
 */
export async function withChannelNames(look: Lookups, contactArn: string, receipts: ReceiptRow[]): Promise<ReceiptRow[]> {
  if (!receipts.some((r) => r.channelArn)) return receipts;
  const names = await look.channelNames(contactArn);
  return receipts.map((r) => {
    const channelName = r.channelArn ? names.get(r.channelArn) : undefined;
    let info = r.info;
    if (info) for (const [arn, name] of names) info = info.split(arn).join(`"${name}"`);
    return { ...r, channelName, info };
  });
}
