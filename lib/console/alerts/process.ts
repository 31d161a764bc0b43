// The alert processing job: what each received alert becomes — a new incident, a repeat counted on
// the incident it already started, a resolution or a PagerDuty acknowledgement on it, or nothing
// (IGNORED, with the reason in words). The ALERTS runner (./runner.ts) fires the PROCESS jobs the
// intake wrote (./intake.ts) with fireAlertJobs; each job's alerts are settled in received order.
//
// How an alert is settled exactly once although it acts outside the database. An alert group is
// (integration, fingerprint) while its incident is open, its `openKey` unique: the first FIRING
// alert creates the group (committed at once, the alert bound to it), so two processes racing
// share one group, and calls StartIncident with clientToken = the group's id, so a StartIncident
// that is retried — a crash before the outcome was written, another runner's claim after a lease
// ran out — answers the same incident. Every other call carries a clientToken made from the alert's
// id (timeline events, the auto-resolve), or is conditional (AcceptPage). The outcome is written
// last, in a transaction fenced twice: by the job's claim (completeClaimed for the job's last
// alert) and by the alert itself (only while it is still PENDING), so its counts and group changes
// are written once even when two runners held its job.
//
// What can't be done is said, not retried forever: a revoked integration, a response plan that is
// gone, a StartIncident the model refuses → IGNORED with the reason. Anything unexpected releases
// the job (lib/jobs: due again after a pause); its last attempt settles what is left IGNORED with
// the error, so no alert stays PENDING.
import "server-only";
import { randomUUID } from "node:crypto";
import type * as I from "@aws-sdk/client-ssm-incidents";
import { integrationPrincipalArn } from "@/lib/console/core/names";
import type { Db, Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { AlertGroupModel, AlertIntegrationModel, AlertModel } from "@/lib/db/generated/sqlite/models";
import type { Caller, Services } from "@/lib/im";
import { isImError } from "@/lib/im/errors";
import { completeClaimed, MAX_ATTEMPTS, payloadOf, releaseJob, type Claim, type FireResult, type JobRow } from "@/lib/jobs";
import { ALERT_JOB_KIND, type ProcessPayload } from "./jobs";
import { ALERTMANAGER_SOURCE, GENERIC_SOURCE, GRAFANA_SOURCE, PAGERDUTY_SOURCE, parseDelivery, triggerRawData } from "./kinds";
import { isImpact } from "./limits";
import type { AlertKind, AlertOutcome, AlertStatus, NormalizedAlert } from "./normalized";
import { runRetention } from "./retention";
import { impactFor, readSeverityMap } from "./severity";

export const RUNNER_NAME = "alerts";

/** At most one "fired again" timeline event a minute per alert group. */
export const NOTE_EVERY_MS = 60_000;

/** What the processing works with: the database, a clock, and the contract services as a caller. */
export type AlertProcessing = {
  db: Db;
  clock: { now(): Date };
  accountId: string;
  /** The contract services acting as `caller` (an integration's principal): the local backend's. */
  services(caller: Caller): Services;
  /** IM_ALERT_RETENTION_DAYS, for the RETENTION job. */
  retentionDays: number;
  /** After a batch that settled alerts (the process publishes "AlertsSettled" on the live bus). */
  onSettled?(count: number): void;
};

type GroupWrite =
  /** The founder's incident: the group's and every alert's already in it. */
  | { kind: "started"; id: string; incidentArn: string }
  /** Another FIRING alert of an open group: counted. */
  | { kind: "repeat"; id: string; seenAt: Date }
  /** A founder that started nothing: its group is closed, so the next alert starts afresh. */
  | { kind: "abandon"; id: string; at: Date };

type Settlement = {
  outcome: Exclude<AlertOutcome, "PENDING">;
  reason?: string;
  groupId: string | null;
  incidentArn: string | null;
  group?: GroupWrite;
};

/** The claim this runner held was taken by another after its lease ran out: the other writes. */
class LostClaim extends Error {
  override name = "LostClaim";
}

const SOURCES: Record<AlertKind, string> = {
  ALERTMANAGER: ALERTMANAGER_SOURCE,
  GRAFANA: GRAFANA_SOURCE,
  PAGERDUTY: PAGERDUTY_SOURCE,
  GENERIC: GENERIC_SOURCE,
};

/**
 * The alert as its kind's parser reads its stored payload (the raw JSON of just this alert), with
 * the columns the intake stored winning. A PagerDuty payload was stored without its routing key
 * (the integration's token), which the parser requires: a stand-in is put back for the read.
 */
export function storedAlert(row: Pick<AlertModel, "kind" | "payload" | "fingerprint" | "status" | "title" | "receivedAt">): NormalizedAlert {
  const kind = row.kind as AlertKind;
  const stored = { fingerprint: row.fingerprint, status: row.status as AlertStatus, title: row.title };
  let raw: unknown = null;
  try {
    raw = JSON.parse(row.payload);
    const body = kind === "PAGERDUTY" && raw && typeof raw === "object" && !Array.isArray(raw) ? { ...raw, routing_key: "stored" } : raw;
    const [alert] = parseDelivery(kind, body, row.receivedAt);
    if (alert) return { ...alert, ...stored };
  } catch {
    // Read when it was received, so this is a payload stored by an older parser: what the columns say.
  }
  return { ...stored, links: [], source: SOURCES[kind] ?? GENERIC_SOURCE, timestamp: row.receivedAt, raw };
}

/** "2026-12-07 10:00:00 UTC" */
function inWords(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Errors of the contract that say the call can't succeed as asked: retrying would change nothing. */
function isFinal(e: unknown): boolean {
  return isImError(e) && ["ValidationException", "ResourceNotFoundException", "AccessDeniedException", "ServiceQuotaExceededException"].includes(e.code);
}

const isNotFound = (e: unknown) => isImError(e) && e.code === "ResourceNotFoundException";
const isConflict = (e: unknown) => isImError(e) && e.code === "ConflictException";

/** One batch's caches: integrations, their services, incidents known open. */
type Batch = {
  integrations: Map<string, AlertIntegrationModel | null>;
  services: Map<string, Services>;
  openIncidents: Map<string, boolean>;
  settled: number;
};

/** Fires a claimed batch of the ALERTS queue: PROCESS jobs in the order claimed (received), RETENTION. */
export async function fireAlertJobs(ctx: AlertProcessing, jobs: JobRow[], claim: Claim): Promise<FireResult> {
  const batch: Batch = { integrations: new Map(), services: new Map(), openIncidents: new Map(), settled: 0 };
  const result: FireResult = { completed: 0, released: 0 };
  for (const job of jobs) {
    let done: "completed" | "released" | "lost";
    try {
      if (job.kind === ALERT_JOB_KIND.process) done = await processJob(ctx, batch, job, claim);
      else if (job.kind === ALERT_JOB_KIND.retention) done = await runRetention(ctx, job, claim, RUNNER_NAME);
      else {
        console.error(`[${RUNNER_NAME}] job ${job.id} has a kind this runner doesn't know (${job.kind}); completed without effect`);
        done = (await ctx.db.$transaction((tx) => completeClaimed(tx, [job.id], claim, RUNNER_NAME))).has(job.id) ? "completed" : "lost";
      }
    } catch (e) {
      console.error(`[${RUNNER_NAME}] job ${job.id} (${job.kind}) failed; it is tried again later`, e);
      await releaseJob(ctx.db, job, claim.token, ctx.clock.now(), e);
      done = "released";
    }
    if (done !== "lost") result[done]++;
  }
  if (batch.settled) ctx.onSettled?.(batch.settled);
  return result;
}

async function processJob(ctx: AlertProcessing, batch: Batch, job: JobRow, claim: Claim): Promise<"completed" | "released" | "lost"> {
  const { alertIds } = payloadOf<ProcessPayload>(job);
  const rows = await ctx.db.alert.findMany({ where: { id: { in: alertIds } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // In the delivery's order; an alert settled by an earlier attempt is not settled again, and one
  // deleted since (its integration was) is gone with its outcome.
  const pending = alertIds.map((id) => byId.get(id)).filter((r): r is AlertModel => r?.outcome === "PENDING");
  if (!pending.length) {
    return (await ctx.db.$transaction((tx) => completeClaimed(tx, [job.id], claim, RUNNER_NAME))).has(job.id) ? "completed" : "lost";
  }
  for (const [i, row] of pending.entries()) {
    const last = i === pending.length - 1;
    let settlement: Settlement;
    try {
      settlement = await settle(ctx, batch, row);
    } catch (e) {
      if (job.attempts < MAX_ATTEMPTS) {
        console.error(`[${RUNNER_NAME}] alert ${row.id} could not be processed; its job is tried again later`, e);
        await releaseJob(ctx.db, job, claim.token, ctx.clock.now(), e);
        return "released";
      }
      // The last attempt: what is left is settled IGNORED with the error, never left PENDING.
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      console.error(`[${RUNNER_NAME}] alert ${row.id} could not be processed in ${MAX_ATTEMPTS} attempts; settled IGNORED`, e);
      for (const [j, rest] of pending.slice(i).entries()) {
        const s: Settlement = {
          outcome: "IGNORED",
          reason: `Not processed after ${MAX_ATTEMPTS} attempts: ${message}`,
          groupId: null,
          incidentArn: null,
          ...(rest.groupId && rest.status === "FIRING" ? { group: { kind: "abandon" as const, id: rest.groupId, at: rest.receivedAt } } : {}),
        };
        if (!(await record(ctx, batch, job, claim, rest, s, i + j === pending.length - 1))) return "lost";
      }
      return "completed";
    }
    if (!(await record(ctx, batch, job, claim, row, settlement, last))) return "lost";
  }
  return "completed";
}

/**
 * Writes one alert's outcome and its group's changes — and, for the job's last alert, completes
 * the job — in one transaction, fenced by the claim and by the alert still being PENDING. False
 * when the claim was lost (another runner holds the job now, and writes).
 */
async function record(ctx: AlertProcessing, batch: Batch, job: JobRow, claim: Claim, row: AlertModel, s: Settlement, last: boolean): Promise<boolean> {
  const now = ctx.clock.now();
  try {
    await ctx.db.$transaction(async (tx) => {
      const held = last ? (await completeClaimed(tx, [job.id], claim, RUNNER_NAME)).has(job.id) : await holds(tx, job.id, claim.token);
      if (!held) throw new LostClaim();
      const { count } = await tx.alert.updateMany({
        where: { id: row.id, outcome: "PENDING" },
        data: { outcome: s.outcome, outcomeReason: s.reason ?? null, groupId: s.groupId, incidentArn: s.incidentArn, processedAt: now },
      });
      // Settled already (a runner whose lease ran out wrote it): nothing of it a second time.
      if (!count) return;
      batch.settled++;
      await writeGroup(tx, row, s);
    });
    return true;
  } catch (e) {
    if (e instanceof LostClaim) {
      console.warn(`[${RUNNER_NAME}] job ${job.id} was claimed by another scheduler after this one's lease ran out; its alerts are left to it`);
      return false;
    }
    throw e;
  }
}

async function holds(tx: Tx, jobId: string, token: string): Promise<boolean> {
  return (await tx.engineJob.count({ where: { id: jobId, claimedBy: token, status: "RUNNING" } })) === 1;
}

async function writeGroup(tx: Tx, row: AlertModel, s: Settlement): Promise<void> {
  const g = s.group;
  if (!g) return;
  switch (g.kind) {
    case "started":
      // The group first: a repeat racing on another instance updates it too, so the two serialize
      // on its row, and the alerts that joined before it knew its incident get it here.
      await tx.alertGroup.updateMany({ where: { id: g.id }, data: { incidentArn: g.incidentArn } });
      await tx.alert.updateMany({ where: { groupId: g.id, incidentArn: null }, data: { incidentArn: g.incidentArn } });
      return;
    case "repeat": {
      await tx.alertGroup.updateMany({ where: { id: g.id }, data: { count: { increment: 1 } } });
      await tx.alertGroup.updateMany({ where: { id: g.id, lastSeenAt: { lt: g.seenAt } }, data: { lastSeenAt: g.seenAt } });
      // Its incident as the group knows it now (its founder may have committed it meanwhile).
      const group = await tx.alertGroup.findUnique({ where: { id: g.id }, select: { incidentArn: true } });
      if (group && group.incidentArn !== s.incidentArn) await tx.alert.update({ where: { id: row.id }, data: { incidentArn: group.incidentArn } });
      return;
    }
    case "abandon":
      await tx.alertGroup.updateMany({ where: { id: g.id, incidentArn: null, openKey: { not: null } }, data: { openKey: null, status: "RESOLVED", resolvedAt: g.at } });
      return;
  }
}

/** What becomes of one alert. Acts through the contract (idempotently); writes only its group's claim. */
async function settle(ctx: AlertProcessing, batch: Batch, row: AlertModel): Promise<Settlement> {
  let integration = batch.integrations.get(row.integrationId);
  if (integration === undefined) {
    integration = await ctx.db.alertIntegration.findUnique({ where: { id: row.integrationId } });
    batch.integrations.set(row.integrationId, integration);
  }
  if (!integration) return { outcome: "IGNORED", reason: "The integration no longer exists.", groupId: null, incidentArn: null };
  if (integration.revokedAt) {
    return {
      outcome: "IGNORED",
      reason: `The integration "${integration.name}" was revoked: its alerts no longer start or change incidents.`,
      groupId: null,
      incidentArn: null,
      ...(row.groupId && row.status === "FIRING" ? { group: { kind: "abandon" as const, id: row.groupId, at: row.receivedAt } } : {}),
    };
  }
  const a = new AlertWork(ctx, batch, integration, row);
  switch (row.status as AlertStatus) {
    case "FIRING":
      return a.firing();
    case "RESOLVED":
      return a.resolved();
    case "ACKNOWLEDGED":
      return a.acknowledged();
    default:
      return { outcome: "IGNORED", reason: `The alert's status "${row.status}" is not one this console acts on.`, groupId: null, incidentArn: null };
  }
}

/** One alert of one integration, and what each status does with it. */
class AlertWork {
  readonly alert: NormalizedAlert;
  readonly principalArn: string;
  readonly openKey: string;
  readonly im: Services;

  constructor(
    readonly ctx: AlertProcessing,
    readonly batch: Batch,
    readonly integration: AlertIntegrationModel,
    readonly row: AlertModel,
  ) {
    this.alert = storedAlert(row);
    this.principalArn = integrationPrincipalArn(ctx.accountId, integration);
    this.openKey = `${integration.id} ${row.fingerprint}`;
    let im = batch.services.get(integration.id);
    if (!im) {
      im = ctx.services({ principalArn: this.principalArn });
      batch.services.set(integration.id, im);
    }
    this.im = im;
  }

  private get db(): Db {
    return this.ctx.db;
  }

  private openGroup(): Promise<AlertGroupModel | null> {
    return this.db.alertGroup.findUnique({ where: { openKey: this.openKey } });
  }

  /** FIRING: the open group's repeat, else a new group and its incident. */
  async firing(): Promise<Settlement> {
    if (this.row.groupId) {
      // Bound to a group by an earlier attempt whose incident isn't recorded: this alert founded it.
      const founded = await this.db.alertGroup.findUnique({ where: { id: this.row.groupId } });
      if (founded && !founded.incidentArn) return this.start(founded);
    }
    for (let race = 0; race < 3; race++) {
      let group = await this.openGroup();
      if (group?.incidentArn && !(await this.incidentOpen(group.incidentArn))) {
        // Its incident was resolved (or deleted) by someone else meanwhile: the alert starts anew.
        await this.close(group.id);
        group = null;
      }
      if (group) return this.repeat(group);
      try {
        group = await this.db.$transaction(async (tx) => {
          const created = await tx.alertGroup.create({
            data: {
              id: randomUUID(),
              integrationId: this.integration.id,
              fingerprint: this.row.fingerprint,
              openKey: this.openKey,
              status: "FIRING",
              title: this.row.title,
              count: 1,
              firstSeenAt: this.row.receivedAt,
              lastSeenAt: this.row.receivedAt,
            },
          });
          await tx.alert.update({ where: { id: this.row.id }, data: { groupId: created.id }, select: { id: true } });
          return created;
        });
      } catch (e) {
        // Another process opened the group first: this alert is its repeat (read again above).
        if (isUniqueViolation(e, "openKey")) continue;
        throw e;
      }
      return this.start(group);
    }
    throw new Error(`The alert group ${this.openKey} kept changing while this alert was processed`);
  }

  /** The group's incident: StartIncident on the integration's plan, clientToken = the group's id. */
  private async start(group: AlertGroupModel): Promise<Settlement> {
    const { alert, integration } = this;
    const severityMap = readSeverityMap(safeJson(integration.severityMap)).map;
    // Without an impact of its own or a mapped severity, StartIncident takes the plan's (0 is none).
    const impact = impactFor(alert, severityMap, 0);
    const rawData = triggerRawData(alert);
    const input: I.StartIncidentCommandInput = {
      responsePlanArn: integration.responsePlanArn,
      clientToken: group.id,
      title: alert.title,
      ...(isImpact(impact) ? { impact } : {}),
      triggerDetails: { source: alert.source, timestamp: alert.timestamp ?? this.row.receivedAt, rawData },
      ...(alert.links.length
        ? { relatedItems: alert.links.map((l) => ({ title: l.title, identifier: { type: "OTHER" as const, value: { url: l.url } } })) }
        : {}),
    };
    let incidentArn: string;
    try {
      incidentArn = (await this.im.incidents.startIncident(input)).incidentRecordArn!;
    } catch (e) {
      if (!isFinal(e)) throw e;
      return {
        outcome: "IGNORED",
        reason: `No incident was started: ${(e as Error).message}`,
        groupId: null,
        incidentArn: null,
        group: { kind: "abandon", id: group.id, at: this.row.receivedAt },
      };
    }
    this.batch.openIncidents.set(incidentArn, true);
    // Another group already behind this incident: the plan's dedupe string folded the alert into it.
    const folded = await this.db.alertGroup.findFirst({ where: { incidentArn, id: { not: group.id } }, select: { id: true } });
    const record = await this.record(incidentArn);
    const ours = !folded && record?.incidentRecordSource?.createdBy === this.principalArn;
    if (ours && record && alert.summary && record.summary !== alert.summary) {
      // The alert's summary is the incident's (StartIncident takes none). Its own token: a retry
      // replays the first update rather than overwriting an edit made since.
      await this.im.incidents.updateIncidentRecord({ arn: incidentArn, summary: alert.summary, clientToken: `${group.id}:summary` });
    }
    return {
      outcome: ours ? "NEW_INCIDENT" : "ADDED",
      reason: ours ? undefined : "The response plan's dedupe string folded this alert into an incident that was already open.",
      groupId: group.id,
      incidentArn,
      group: { kind: "started", id: group.id, incidentArn },
    };
  }

  /** Another FIRING alert of an open group: counted, and said on the timeline at most once a minute. */
  private async repeat(group: AlertGroupModel): Promise<Settlement> {
    const times = group.count + 1;
    const cutoff = new Date(this.row.receivedAt.getTime() - NOTE_EVERY_MS);
    let noted = false;
    if (group.incidentArn && (!group.lastNotedAt || group.lastNotedAt <= cutoff)) {
      // Claimed before it is written, so two instances don't both write this minute's event.
      const { count } = await this.db.alertGroup.updateMany({
        where: { id: group.id, OR: [{ lastNotedAt: null }, { lastNotedAt: { lte: cutoff } }] },
        data: { lastNotedAt: this.row.receivedAt },
      });
      if (count) noted = await this.timeline(group.incidentArn, `Alert "${this.alert.title}" fired again: ${plural(times, "time")} since ${inWords(group.firstSeenAt)}.`);
    }
    return {
      outcome: "ADDED",
      reason: group.incidentArn
        ? `Fired again (${plural(times, "time")})${noted ? "; noted on the incident's timeline" : "; already noted on the timeline within the last minute"}.`
        : `Fired again (${plural(times, "time")}) while its incident was being started.`,
      groupId: group.id,
      incidentArn: group.incidentArn,
      group: { kind: "repeat", id: group.id, seenAt: this.row.receivedAt },
    };
  }

  /** RESOLVED: the open group closes, the timeline says so, and the incident resolves when asked. */
  async resolved(): Promise<Settlement> {
    const group = this.row.groupId ? await this.db.alertGroup.findUnique({ where: { id: this.row.groupId } }) : await this.openGroup();
    if (!group) return { outcome: "IGNORED", reason: "No open incident for this alert: nothing to resolve.", groupId: null, incidentArn: null };
    const incidentArn = group.incidentArn;
    if (!incidentArn) throw new Error("The incident of this alert's group is still being started; the resolution is tried again later.");
    if (!this.row.groupId) {
      await this.db.$transaction([
        this.db.alert.update({ where: { id: this.row.id }, data: { groupId: group.id }, select: { id: true } }),
        this.db.alertGroup.updateMany({ where: { id: group.id, openKey: { not: null } }, data: { openKey: null, status: "RESOLVED", resolvedAt: this.row.receivedAt } }),
      ]);
    }
    // Named as it fired: a resolve or acknowledge may carry no title of its own (PagerDuty's).
    await this.timeline(incidentArn, `Alert "${group.title}" resolved.`);
    let reason = "Resolved; the integration leaves the incident open (auto-resolve is off).";
    if (this.integration.autoResolve) {
      const firing = await this.db.alertGroup.count({ where: { incidentArn, openKey: { not: null } } });
      if (firing) reason = `Resolved; the incident stays open: ${plural(firing, "other alert")} behind it still firing.`;
      else {
        const record = await this.record(incidentArn);
        if (record?.status === "OPEN") {
          await this.im.incidents.updateIncidentRecord({ arn: incidentArn, status: "RESOLVED", clientToken: `${this.row.id}:resolve` });
          this.batch.openIncidents.set(incidentArn, false);
          reason = "Resolved; every alert behind the incident is resolved, so the incident was resolved.";
        } else reason = record ? "Resolved; the incident was already resolved." : "Resolved; the incident no longer exists.";
      }
    }
    return { outcome: "ADDED", reason, groupId: group.id, incidentArn };
  }

  /** ACKNOWLEDGED (PagerDuty acknowledge): the incident's open pages are acknowledged. */
  async acknowledged(): Promise<Settlement> {
    const group = await this.openGroup();
    if (!group) return { outcome: "IGNORED", reason: "No open incident for this alert: nothing to acknowledge.", groupId: null, incidentArn: null };
    const incidentArn = group.incidentArn;
    if (!incidentArn) throw new Error("The incident of this alert's group is still being started; the acknowledgement is tried again later.");
    const pages = await this.acknowledgePages(incidentArn);
    await this.timeline(incidentArn, `Alert "${group.title}" acknowledged by ${this.integration.name}${pages ? ` (${plural(pages, "open page")} acknowledged)` : ""}.`);
    return {
      outcome: "ADDED",
      reason: pages ? `Acknowledged ${plural(pages, "open page")} of the incident.` : "Acknowledged; the incident had no open page.",
      groupId: group.id,
      incidentArn,
    };
  }

  /** AcceptPage READ for every page of the incident's engagements not read yet; how many. */
  private async acknowledgePages(incidentArn: string): Promise<number> {
    const { contacts } = this.im;
    let acknowledged = 0;
    let token: string | undefined;
    do {
      const out = await contacts.listEngagements({ IncidentId: incidentArn, MaxResults: 100, NextToken: token });
      token = out.NextToken;
      for (const engagement of out.Engagements ?? []) {
        if (engagement.StopTime) continue;
        let pageToken: string | undefined;
        do {
          const pages = await contacts.listPagesByEngagement({ EngagementId: engagement.EngagementArn, MaxResults: 100, NextToken: pageToken });
          pageToken = pages.NextToken;
          for (const page of pages.Pages ?? []) {
            if (page.ReadTime) continue;
            // As the console's own acknowledgement: the code sent with the page isn't known here.
            await contacts.acceptPage({
              PageId: page.PageArn,
              AcceptType: "READ",
              AcceptCode: "000000",
              AcceptCodeValidation: "IGNORE",
              Note: `Acknowledged by the alert integration ${this.integration.name}`.slice(0, 2048),
            });
            acknowledged++;
          }
        } while (pageToken);
      }
    } while (token);
    return acknowledged;
  }

  /** Whether the incident is still open (a deleted one isn't); cached for the batch. */
  private async incidentOpen(arn: string): Promise<boolean> {
    const known = this.batch.openIncidents.get(arn);
    if (known !== undefined) return known;
    const open = (await this.record(arn))?.status === "OPEN";
    this.batch.openIncidents.set(arn, open);
    return open;
  }

  private async record(arn: string): Promise<I.IncidentRecord | undefined> {
    try {
      return (await this.im.incidents.getIncidentRecord({ arn })).incidentRecord;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Closes the group if it is still open (the alert's incident was resolved without it). */
  private async close(groupId: string): Promise<void> {
    await this.db.alertGroup.updateMany({ where: { id: groupId, openKey: { not: null } }, data: { openKey: null, status: "RESOLVED", resolvedAt: this.row.receivedAt } });
  }

  /**
   * A Custom Event on the incident's timeline at the alert's receive time, its clientToken the
   * alert's id (each alert writes at most one). False when the incident is gone.
   */
  private async timeline(incidentRecordArn: string, text: string): Promise<boolean> {
    try {
      await this.im.incidents.createTimelineEvent({
        incidentRecordArn,
        clientToken: this.row.id,
        eventTime: this.row.receivedAt,
        eventType: "Custom Event",
        eventData: JSON.stringify(text),
      });
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      // The same token with other words: an earlier attempt wrote this alert's event already.
      if (isConflict(e)) return true;
      throw e;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
