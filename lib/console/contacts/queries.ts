// Contact and escalation plan reads for server components and GET route handlers, as the
// signed-in user: the lists, a contact with its channels, plan and recent pages, what refers to a
// contact, the options to choose from (engage one, link one as "me"), and where a channel's
// activation codes went. They go through the contract, so they work in local and aws mode alike,
// except the codes: in local mode they are in the notifier's outbox (lib/notify/outbox.ts); real
// AWS delivers them by e-mail, SMS or voice and keeps no copy, so in aws mode this says so instead.
import "server-only";
import type { Contact, ContactChannel, GetContactCommandOutput } from "@aws-sdk/client-ssm-contacts";
import { config } from "@/lib/config";
import type { ContactOption } from "@/lib/console/contacts/dto";
import { aliasFromContactArn } from "@/lib/console/contacts/paths";
import { iso } from "@/lib/console/core/names";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { db } from "@/lib/db/client";
import type { Services } from "@/lib/im";
import type { Out } from "@/lib/im/contract";
import { isImError, notFound, validation } from "@/lib/im/errors";
import { recentMessages } from "@/lib/notify/outbox";
import type { ChannelView, ContactDetail, ContactListFilter, ContactPage, ContactReferences, ContactRow, ContactType, PageRow, StageView, ChannelOutbox } from "./dto";

export const CONTACTS_PAGE_SIZE = 20;
/** Recent pages shown on a contact's page. */
const RECENT_PAGES = 10;
/**
 * How many contacts a whole-list read goes through (pickers, reference checks): beyond it a list
 * is too long to choose from or read in a dialog, and a search box is the better answer.
 */
const MAX_SCANNED = 500;

export function parseContactType(value: unknown): ContactType | undefined {
  return value === "PERSONAL" || value === "ESCALATION" || value === "ONCALL_SCHEDULE" ? value : undefined;
}

async function allChannels({ im }: ServiceContext, contactArn: string): Promise<ContactChannel[]> {
  const out: ContactChannel[] = [];
  let NextToken: string | undefined;
  do {
    const page = await im.contacts.listContactChannels({ ContactId: contactArn, NextToken, MaxResults: 100 });
    out.push(...(page.ContactChannels ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

function toChannelView(c: ContactChannel): ChannelView {
  return {
    arn: c.ContactChannelArn!,
    name: c.Name ?? "",
    type: (c.Type ?? "EMAIL") as ChannelView["type"],
    address: c.DeliveryAddress?.SimpleAddress ?? "",
    activated: c.ActivationStatus === "ACTIVATED",
  };
}

async function toRow(ctx: ServiceContext, c: Contact): Promise<ContactRow> {
  const row: ContactRow = { arn: c.ContactArn!, alias: c.Alias!, displayName: c.DisplayName || undefined, type: (c.Type ?? "PERSONAL") as ContactType };
  if (row.type === "PERSONAL") {
    const channels = await allChannels(ctx, row.arn);
    row.channels = { activated: channels.filter((ch) => ch.ActivationStatus === "ACTIVATED").length, total: channels.length };
  }
  return row;
}

/** A page of contacts, filtered by alias prefix and type (ListContacts), with channel counts. */
export function listContacts(filter: ContactListFilter) {
  return withServices("listContacts", "contacts.read", async (ctx): Promise<ContactPage> => {
    const out = await ctx.im.contacts.listContacts({
      AliasPrefix: filter.aliasPrefix || undefined,
      Type: filter.type,
      MaxResults: CONTACTS_PAGE_SIZE,
      NextToken: filter.nextToken || undefined,
    });
    return { items: await Promise.all((out.Contacts ?? []).map((c) => toRow(ctx, c))), nextToken: out.NextToken };
  });
}

async function* contacts(ctx: ServiceContext, filter: { AliasPrefix?: string; Type?: ContactType }): AsyncGenerator<Contact> {
  let NextToken: string | undefined;
  do {
    const out = await ctx.im.contacts.listContacts({ ...filter, NextToken, MaxResults: 100 });
    yield* out.Contacts ?? [];
    NextToken = out.NextToken;
  } while (NextToken);
}

/** How many channel reads run at once when counting every contact's channels (AWS throttles bursts). */
const CHANNEL_READS_AT_ONCE = 10;

/**
 * Every contact of a type (the escalation plan builder's target choices); personal contacts with
 * their channel counts, so the builder can warn about one that can't be reached.
 */
export function listAllContacts(type: ContactType) {
  return withServices("listAllContacts", "contacts.read", async (ctx) => {
    const found: Contact[] = [];
    for await (const c of contacts(ctx, { Type: type })) {
      found.push(c);
      if (found.length >= MAX_SCANNED) break;
    }
    const rows: ContactRow[] = [];
    for (let i = 0; i < found.length; i += CHANNEL_READS_AT_ONCE) {
      rows.push(...(await Promise.all(found.slice(i, i + CHANNEL_READS_AT_ONCE).map((c) => toRow(ctx, { ...c, Type: type })))));
    }
    return rows;
  });
}

function toStages(plan: GetContactCommandOutput["Plan"]): StageView[] {
  return (plan?.Stages ?? []).map((s) => ({
    durationMinutes: s.DurationInMinutes ?? 0,
    targets: (s.Targets ?? []).flatMap((t): StageView["targets"] => {
      if (t.ChannelTargetInfo) return [{ kind: "channel", channelArn: t.ChannelTargetInfo.ContactChannelId!, retryMinutes: t.ChannelTargetInfo.RetryIntervalInMinutes }];
      if (t.ContactTargetInfo?.ContactId) {
        const arn = t.ContactTargetInfo.ContactId;
        return [{ kind: "contact", contactArn: arn, alias: aliasFromContactArn(arn), essential: !!t.ContactTargetInfo.IsEssential }];
      }
      return [];
    }),
  }));
}

async function recentPages(ctx: ServiceContext, arn: string): Promise<ContactDetail["pages"]> {
  try {
    const out = await ctx.im.contacts.listPagesByContact({ ContactId: arn, MaxResults: RECENT_PAGES });
    const titles = await incidentTitles(ctx, (out.Pages ?? []).map((p) => p.IncidentId));
    const items: PageRow[] = (out.Pages ?? []).map((p) => ({
      arn: p.PageArn!,
      engagementArn: p.EngagementArn!,
      sender: p.Sender ?? "",
      incidentId: p.IncidentId,
      incidentTitle: p.IncidentId ? titles.get(p.IncidentId) : undefined,
      sentTime: iso(p.SentTime),
      deliveryTime: iso(p.DeliveryTime),
      readTime: iso(p.ReadTime),
    }));
    return { ok: true, items };
  } catch (e) {
    if (!isImError(e)) throw e;
    return { ok: false, message: `${e.code}: ${e.message}` };
  }
}

/** The titles of the incidents pages were sent for (an incident deleted since, or unreadable, has none). */
async function incidentTitles({ im }: ServiceContext, ids: (string | undefined)[]): Promise<Map<string, string>> {
  const arns = [...new Set(ids.filter((id): id is string => !!id && id.includes(":incident-record/")))];
  const found = await Promise.all(
    arns.map(async (arn) => {
      try {
        const { incidentRecord } = await im.incidents.getIncidentRecord({ arn });
        return [arn, incidentRecord?.title] as const;
      } catch (e) {
        if (!isImError(e)) throw e;
        return [arn, undefined] as const;
      }
    }),
  );
  return new Map(found.flatMap(([arn, title]) => (title ? [[arn, title] as [string, string]] : [])));
}

/**
 * A contact by alias: ListContacts narrowed by the alias as prefix, then the exact match, so this
 * works whichever account and region the backend is (the ARN isn't built by the console).
 */
export function getContactByAlias(alias: string, type?: ContactType) {
  return withServices("getContactByAlias", "contacts.read", async (ctx): Promise<ContactDetail> => {
    for await (const c of contacts(ctx, { AliasPrefix: alias })) {
      if (c.Alias !== alias || (type && c.Type !== type)) continue;
      const arn = c.ContactArn!;
      const contact: Out<GetContactCommandOutput> = await ctx.im.contacts.getContact({ ContactId: arn });
      const personal = contact.Type === "PERSONAL";
      const [channels, pages] = await Promise.all([personal ? allChannels(ctx, arn) : Promise.resolve([]), recentPages(ctx, arn)]);
      return {
        arn,
        alias: contact.Alias!,
        displayName: contact.DisplayName || undefined,
        type: (contact.Type ?? "PERSONAL") as ContactType,
        stages: toStages(contact.Plan),
        channels: channels.map(toChannelView),
        pages,
      };
    }
    throw notFound("CONTACT", alias, `Contact ${alias} does not exist`);
  });
}

/**
 * Who would lose this contact if it were deleted: escalation plans with it as a target, and
 * response plans that engage it (DeleteContact removes it from both; reference: DeleteContact).
 */
export function contactReferences(arn: string) {
  return withServices("contactReferences", "contacts.read", async (ctx): Promise<ContactReferences> => {
    const escalationPlans: ContactReferences["escalationPlans"] = [];
    let scanned = 0;
    for await (const plan of contacts(ctx, { Type: "ESCALATION" })) {
      if (++scanned > MAX_SCANNED) break;
      if (plan.ContactArn === arn) continue;
      const detail = await ctx.im.contacts.getContact({ ContactId: plan.ContactArn! });
      const targets = (detail.Plan?.Stages ?? []).flatMap((s) => s.Targets ?? []);
      if (targets.some((t) => t.ContactTargetInfo?.ContactId === arn)) {
        escalationPlans.push({ arn: plan.ContactArn!, alias: plan.Alias!, displayName: plan.DisplayName || undefined });
      }
    }
    const responsePlans: ContactReferences["responsePlans"] = [];
    let nextToken: string | undefined;
    scanned = 0;
    do {
      const out = await ctx.im.incidents.listResponsePlans({ maxResults: 100, nextToken });
      for (const p of out.responsePlanSummaries ?? []) {
        if (++scanned > MAX_SCANNED) break;
        const plan = await ctx.im.incidents.getResponsePlan({ arn: p.arn! });
        if (plan.engagements?.includes(arn)) responsePlans.push({ arn: p.arn!, name: p.name!, displayName: p.displayName });
      }
      nextToken = scanned > MAX_SCANNED ? undefined : out.nextToken;
    } while (nextToken);
    return { escalationPlans, responsePlans };
  });
}

export function listContactOptions() {
  return withServices("listContactOptions", "contacts.read", async (ctx): Promise<ContactOption[]> => {
    const rows: ContactOption[] = [];
    for await (const c of contacts(ctx, {})) {
      rows.push({ arn: c.ContactArn!, alias: c.Alias!, displayName: c.DisplayName, type: c.Type! });
      if (rows.length >= MAX_SCANNED) break;
    }
    return rows.sort((a, b) => a.alias.localeCompare(b.alias));
  });
}

/** Codes older than these are of no use: a new code replaces the previous one. */
const RECENT_MESSAGES = 5;

/**
 * The channel's recent activation messages. Needs contacts.write: a code activates the channel,
 * so only someone who may activate it may read it. The channel must exist (GetContactChannel).
 */
export function channelOutbox(channelArn: string) {
  return withServices("channelOutbox", "contacts.write", async ({ im }): Promise<ChannelOutbox> => {
    if (config().backend !== "local") {
      return { available: false, reason: "Activation codes are delivered by AWS to the channel's address; the console keeps no copy in aws mode." };
    }
    await im.contacts.getContactChannel({ ContactChannelId: channelArn });
    const rows = await recentMessages(db(), channelArn, "ACTIVATION", RECENT_MESSAGES);
    return { available: true, messages: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
  });
}

/**
 * The contact a console user is linked to must be a personal contact: pages go to personal
 * contacts (an escalation plan pages other contacts), so only one can be "me".
 */
export async function requirePersonalContact(im: Services, contactArn: string): Promise<void> {
  const contact = await im.contacts.getContact({ ContactId: contactArn });
  if (contact.Type !== "PERSONAL") {
    throw validation("Choose a personal contact: escalation plans page other contacts.", [{ name: "contactArn", message: "Choose a personal contact" }]);
  }
}
