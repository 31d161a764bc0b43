// Warn before paging fails: which of the contacts an escalation plan or a response plan would
// engage can't be reached, because none of their channels is activated. Without this the
// failure shows only during an incident, as an ERROR receipt. Contract reads, both modes.
import "server-only";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { isImError } from "@/lib/im/errors";
import { aliasFromContactArn } from "./paths";
import { reachWarningText, type ReachWarning } from "./dto";

/** At most this many contacts are looked at in one read (a response plan engages at most a few). */
const MAX_CHECKED = 100;

/** `namePlans`: say which escalation plan a contact is in (not on that plan's own page). */
export async function readReachWarnings({ im }: ServiceContext, arns: string[], namePlans = true): Promise<ReachWarning[]> {
  const seen = new Set<string>();
  const warnings: ReachWarning[] = [];

  async function contact(arn: string) {
    try {
      return await im.contacts.getContact({ ContactId: arn });
    } catch (e) {
      // A contact deleted since is another page's concern (the plan shows it as not found).
      if (isImError(e)) return undefined;
      throw e;
    }
  }

  async function personal(arn: string, name: string, via?: string) {
    let activated = 0;
    let total = 0;
    let NextToken: string | undefined;
    do {
      const out = await im.contacts.listContactChannels({ ContactId: arn, MaxResults: 100, NextToken });
      for (const ch of out.ContactChannels ?? []) {
        total++;
        if (ch.ActivationStatus === "ACTIVATED") activated++;
      }
      NextToken = out.NextToken;
    } while (NextToken);
    const message = reachWarningText(name, { activated, total }, via);
    if (message) warnings.push({ contactArn: arn, name, via, message });
  }

  for (const arn of arns.slice(0, MAX_CHECKED)) {
    const c = await contact(arn);
    if (!c) continue;
    const name = c.DisplayName || c.Alias || aliasFromContactArn(arn);
    if (c.Type === "PERSONAL") {
      if (!seen.has(arn)) await personal(arn, name);
      seen.add(arn);
    } else if (c.Type === "ESCALATION") {
      const targets = [...new Set((c.Plan?.Stages ?? []).flatMap((s) => (s.Targets ?? []).flatMap((t) => (t.ContactTargetInfo?.ContactId ? [t.ContactTargetInfo.ContactId] : []))))];
      for (const target of targets) {
        if (seen.has(target)) continue;
        seen.add(target);
        const t = await contact(target);
        if (t?.Type === "PERSONAL") await personal(target, t.DisplayName || t.Alias || aliasFromContactArn(target), namePlans ? name : undefined);
      }
    }
  }
  return warnings;
}

/** Warnings for the chosen contacts and escalation plans (the response plan builder and page). */
export function reachWarnings(arns: string[]) {
  return withServices("reachWarnings", "contacts.read", (ctx) => readReachWarnings(ctx, arns));
}

/** Warnings for an escalation plan's own contacts (its page). */
export function escalationPlanReachWarnings(planArn: string) {
  return withServices("escalationPlanReachWarnings", "contacts.read", (ctx) => readReachWarnings(ctx, [planArn], false));
}
