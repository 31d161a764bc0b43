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
// id (timeline events, the auto-resolve), or is conditional (AcceptPage). The outcomes, the groups'
// counts and the jobs' completion are written last, for the whole batch in one transaction fenced
// by the claim (completeClaimed: only the jobs this runner still holds), so they are written once
// even when two runners held a job. Within a batch the alerts see each other's effects through the
// batch's view of their groups; its writes are few (one UPDATE per group and outcome), which is what
// keeps up with a flood of repeats. The alerts of one fingerprint are settled in the order received,
// different fingerprints side by side (a storm's new incidents don't wait for each other).
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
import { hotWriter } from "@/lib/db/hot-writer";
import { withPrismaHotTx } from "@/lib/db/prisma-hot-tx";
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
  | { kind: "repeat"; id: string };

type Settlement = {
  outcome: Exclude<AlertOutcome, "PENDING">;
  reason?: string;
  groupId: string | null;
  incidentArn: string | null;
  group?: GroupWrite;
};

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

/**
 * One batch's view of what it works with: integrations and their services, incidents known open or
 * not, and the alert groups it read or changed — by openKey, null for "none open" — so the alerts
 * of a batch see each other's effects before they are written together.
 */
class Batch {
  readonly integrations = new Map<string, AlertIntegrationModel | null>();
  readonly services = new Map<string, Services>();
  readonly openIncidents = new Map<string, boolean>();
  readonly groups = new Map<string, AlertGroupModel | null>();
  /** The response plans whose template has a dedupe string (their new incidents may fold into one). */
  readonly dedupePlans = new Set<string>();
  settled = 0;

  /** The integration's services, as its principal. */
  servicesOf(ctx: AlertProcessing, integration: AlertIntegrationModel): Services {
    let im = this.services.get(integration.id);
    if (!im) {
      im = ctx.services({ principalArn: integrationPrincipalArn(ctx.accountId, integration) });
      this.services.set(integration.id, im);
    }
    return im;
  }
}

type Settled = { row: AlertModel; s: Settlement };
type JobDone = { job: JobRow; settled: Settled[] };

/**
 * Fires a claimed batch of the ALERTS queue. PROCESS jobs in the order claimed (received): each
 * alert is settled — acting through the contract — then the batch's outcomes, group counts and job
 * completions are written in one transaction, fenced by the claim (only the jobs this runner still
 * holds are written); should that fail, job by job. RETENTION jobs run on their own.
 */
export async function fireAlertJobs(ctx: AlertProcessing, jobs: JobRow[], claim: Claim): Promise<FireResult> {
  const batch = new Batch();
  const result: FireResult = { completed: 0, released: 0 };
  const release = async (job: JobRow, e: unknown) => {
    console.error(`[${RUNNER_NAME}] job ${job.id} (${job.kind}) failed; it is tried again later`, e);
    await releaseJob(ctx.db, job, claim.token, ctx.clock.now(), e);
    result.released++;
  };

  let processing = jobs.filter((j) => j.kind === ALERT_JOB_KIND.process);
  let settled = new Map<string, Settled[] | Error>();
  try {
    settled = await settleJobs(ctx, batch, processing);
  } catch (e) {
    for (const job of processing) await release(job, e);
    processing = [];
  }
  const done: JobDone[] = [];
  for (const job of processing) {
    const s = settled.get(job.id) ?? [];
    if (s instanceof Error) await release(job, s);
    else done.push({ job, settled: s });
  }
  if (done.length) {
    try {
      result.completed += await ctx.db.$transaction((tx) => writeSettled(ctx.db, tx, done, claim, ctx.clock.now()));
    } catch (e) {
      // One job's effects failing holds back none of the others.
      console.error(`[${RUNNER_NAME}] writing a batch of ${done.length} jobs failed; writing them one by one`, e);
      for (const d of done) {
        try {
          result.completed += await ctx.db.$transaction((tx) => writeSettled(ctx.db, tx, [d], claim, ctx.clock.now()));
        } catch (e2) {
          await release(d.job, e2);
        }
      }
    }
  }

  for (const job of jobs.filter((j) => j.kind !== ALERT_JOB_KIND.process)) {
    try {
      if (job.kind === ALERT_JOB_KIND.retention) {
        if ((await runRetention(ctx, job, claim, RUNNER_NAME)) === "completed") result.completed++;
      } else {
        console.error(`[${RUNNER_NAME}] job ${job.id} has a kind this runner doesn't know (${job.kind}); completed without effect`);
        if ((await hotWriter(ctx.db).transaction((tx) => completeClaimed(tx, [job.id], claim, RUNNER_NAME))).has(job.id)) result.completed++;
      }
    } catch (e) {
      await release(job, e);
    }
  }
  batch.settled = done.reduce((n, d) => n + d.settled.length, 0);
  if (batch.settled) ctx.onSettled?.(batch.settled);
  return result;
}

/** The batch's alerts, in one read. */
async function loadAlerts(db: Db, jobs: JobRow[]): Promise<Map<string, AlertModel>> {
  const ids = jobs.flatMap((j) => payloadOf<ProcessPayload>(j).alertIds);
  const rows = new Map<string, AlertModel>();
  // In slices: a statement's parameters are bounded (SQLite's 32,766).
  for (let i = 0; i < ids.length; i += 5000) {
    for (const r of await db.alert.findMany({ where: { id: { in: ids.slice(i, i + 5000) } } })) rows.set(r.id, r);
  }
  return rows;
}

/** Fingerprints settled at once in a batch: each waits on its own StartIncident, not on the others'. */
export const SETTLE_CONCURRENCY = 4;

/**
 * Settles the batch's alerts: those of one (integration, fingerprint) in the order received, one
 * after the other; different fingerprints side by side, so a storm of new alerts doesn't queue
 * behind each StartIncident in turn. An alert settled by an earlier attempt is not settled again,
 * and one deleted since (its integration was) is gone with its outcome. An unexpected failure
 * gives its job the error (the job is released), except on the job's last attempt: then that alert
 * is settled IGNORED with the error, never left PENDING. Per job: its settled alerts in its order.
 */
async function settleJobs(ctx: AlertProcessing, batch: Batch, jobs: JobRow[]): Promise<Map<string, Settled[] | Error>> {
  const rows = await loadAlerts(ctx.db, jobs);
  const work = jobs.flatMap((job) =>
    payloadOf<ProcessPayload>(job)
      .alertIds.map((id) => rows.get(id))
      .filter((row): row is AlertModel => row?.outcome === "PENDING")
      .map((row) => ({ job, row })),
  );
  // The batch's integrations, and which of their plans fold new incidents into an open one: the
  // alerts of such a plan are settled one after the other, in the order received, so the first
  // starts the incident and each later one sees it was folded.
  const integrationIds = [...new Set(work.map((w) => w.row.integrationId))];
  for (const id of integrationIds) batch.integrations.set(id, null);
  for (const i of await ctx.db.alertIntegration.findMany({ where: { id: { in: integrationIds } } })) batch.integrations.set(i.id, i);
  const plans = new Map<string, AlertIntegrationModel>();
  for (const i of batch.integrations.values()) if (i && !i.revokedAt) plans.set(i.responsePlanArn, i);
  await Promise.all(
    [...plans].map(async ([arn, i]) => {
      try {
        if ((await batch.servicesOf(ctx, i).incidents.getResponsePlan({ arn })).incidentTemplate?.dedupeString) batch.dedupePlans.add(arn);
      } catch (e) {
        // A plan that is gone: StartIncident says so.
        if (!isNotFound(e)) throw e;
      }
    }),
  );
  const groupKey = (row: AlertModel) => `${row.integrationId} ${row.fingerprint}`;
  const chainKey = (row: AlertModel) => {
    const plan = batch.integrations.get(row.integrationId)?.responsePlanArn;
    return plan && batch.dedupePlans.has(plan) ? `plan ${plan}` : groupKey(row);
  };
  // The batch's open groups, in one read.
  const keys = [...new Set(work.map((w) => groupKey(w.row)))];
  for (const key of keys) batch.groups.set(key, null);
  for (let i = 0; i < keys.length; i += 5000) {
    for (const g of await ctx.db.alertGroup.findMany({ where: { openKey: { in: keys.slice(i, i + 5000) } } })) batch.groups.set(g.openKey!, g);
  }

  const chains = new Map<string, typeof work>();
  for (const w of work) {
    const chain = chains.get(chainKey(w.row));
    if (chain) chain.push(w);
    else chains.set(chainKey(w.row), [w]);
  }
  const outcomes = new Map<string, Settlement>();
  const failed = new Map<string, Error>();
  const queue = [...chains.values()];
  const worker = async () => {
    for (let chain = queue.shift(); chain; chain = queue.shift()) {
      for (const { job, row } of chain) {
        if (failed.has(job.id)) continue;
        try {
          outcomes.set(row.id, await settle(ctx, batch, row));
        } catch (e) {
          if (job.attempts < MAX_ATTEMPTS) {
            failed.set(job.id, e instanceof Error ? e : new Error(String(e)));
            continue;
          }
          console.error(`[${RUNNER_NAME}] alert ${row.id} could not be processed in ${MAX_ATTEMPTS} attempts; settled IGNORED`, e);
          // A group it founded closes with it: the next alert starts afresh.
          if (row.status === "FIRING") await closeFounded(ctx.db, batch, row);
          const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
          outcomes.set(row.id, { outcome: "IGNORED", reason: `Not processed after ${MAX_ATTEMPTS} attempts: ${message}`, groupId: null, incidentArn: null });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SETTLE_CONCURRENCY, queue.length) }, worker));

  const byJob = new Map<string, Settled[] | Error>();
  for (const job of jobs) byJob.set(job.id, failed.get(job.id) ?? []);
  for (const { job, row } of work) {
    const list = byJob.get(job.id);
    const s = outcomes.get(row.id);
    if (Array.isArray(list) && s) list.push({ row, s });
  }
  return byJob;
}

/** Closes the group this founder alert opened, if it never got its incident. */
async function closeFounded(db: Db, batch: Batch, row: AlertModel): Promise<void> {
  if (!row.groupId) return;
  const { count } = await db.alertGroup.updateMany({
    where: { id: row.groupId, incidentArn: null, openKey: { not: null } },
    data: { openKey: null, status: "RESOLVED", resolvedAt: row.receivedAt },
  });
  if (count) batch.groups.delete(`${row.integrationId} ${row.fingerprint}`);
}

/**
 * Writes settled jobs: completes those this claim still holds (completeClaimed) and writes their
 * alerts' outcomes and their groups' counts, in the transaction it is given. The alerts of one
 * group and outcome are one UPDATE; the groups are updated in id order (two instances' batches
 * lock them in the same order). Returns how many jobs it completed.
 */
async function writeSettled(db: Db, tx: Tx, done: JobDone[], claim: Claim, now: Date): Promise<number> {
  const owned = await withPrismaHotTx(db, tx, (hot) => completeClaimed(hot, done.map((d) => d.job.id), claim, RUNNER_NAME));
  const items = done.filter((d) => owned.has(d.job.id)).flatMap((d) => d.settled);

  type GroupChange = { repeats: number; seenAt: number; incidentArn?: string; backfill: boolean };
  const groups = new Map<string, GroupChange>();
  const change = (id: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { repeats: 0, seenAt: 0, backfill: false }));
    return g;
  };
  for (const { row, s } of items) {
    if (s.group?.kind === "started") Object.assign(change(s.group.id), { incidentArn: s.group.incidentArn, backfill: true });
    else if (s.group?.kind === "repeat") {
      const g = change(s.group.id);
      g.repeats++;
      g.seenAt = Math.max(g.seenAt, row.receivedAt.getTime());
      if (!s.incidentArn) g.backfill = true;
    }
  }
  // The groups first: a repeat racing on another instance updates them too, so the two serialize
  // on their rows, and alerts that joined a group before its incident was known get it below.
  for (const [id, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (g.incidentArn) await tx.alertGroup.updateMany({ where: { id }, data: { incidentArn: g.incidentArn } });
    if (g.repeats) {
      const seenAt = new Date(g.seenAt);
      const { count } = await tx.alertGroup.updateMany({ where: { id, lastSeenAt: { lt: seenAt } }, data: { count: { increment: g.repeats }, lastSeenAt: seenAt } });
      if (!count) await tx.alertGroup.updateMany({ where: { id }, data: { count: { increment: g.repeats } } });
    }
  }

  const updates = new Map<string, { s: Settlement; ids: string[] }>();
  for (const { row, s } of items) {
    const key = JSON.stringify([s.outcome, s.reason ?? null, s.groupId, s.incidentArn]);
    const u = updates.get(key);
    if (u) u.ids.push(row.id);
    else updates.set(key, { s, ids: [row.id] });
  }
  for (const { s, ids } of updates.values()) {
    for (let i = 0; i < ids.length; i += 5000) {
      await tx.alert.updateMany({
        where: { id: { in: ids.slice(i, i + 5000) }, outcome: "PENDING" },
        data: { outcome: s.outcome, outcomeReason: s.reason ?? null, groupId: s.groupId, incidentArn: s.incidentArn, processedAt: now },
      });
    }
  }

  for (const [id, g] of groups) {
    if (!g.backfill) continue;
    const group = await tx.alertGroup.findUnique({ where: { id }, select: { incidentArn: true } });
    if (group?.incidentArn) await tx.alert.updateMany({ where: { groupId: id, incidentArn: null }, data: { incidentArn: group.incidentArn } });
  }
  return owned.size;
}

/** What becomes of one alert. Acts through the contract (idempotently); writes only its group's claims. */
async function settle(ctx: AlertProcessing, batch: Batch, row: AlertModel): Promise<Settlement> {
  let integration = batch.integrations.get(row.integrationId);
  if (integration === undefined) {
    integration = await ctx.db.alertIntegration.findUnique({ where: { id: row.integrationId } });
    batch.integrations.set(row.integrationId, integration);
  }
  if (!integration) return { outcome: "IGNORED", reason: "The integration no longer exists.", groupId: null, incidentArn: null };
  if (integration.revokedAt) {
    if (row.status === "FIRING") await closeFounded(ctx.db, batch, row);
    return {
      outcome: "IGNORED",
      reason: `The integration "${integration.name}" was revoked: its alerts no longer start or change incidents.`,
      groupId: null,
      incidentArn: null,
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
    this.im = batch.servicesOf(ctx, integration);
  }

  private get db(): Db {
    return this.ctx.db;
  }

  /** The open group of this alert's fingerprint, as the batch knows it (read once per batch). */
  private async openGroup(): Promise<AlertGroupModel | null> {
    const known = this.batch.groups.get(this.openKey);
    if (known !== undefined) return known;
    const group = await this.db.alertGroup.findUnique({ where: { openKey: this.openKey } });
    this.batch.groups.set(this.openKey, group);
    return group;
  }

  /** FIRING: the open group's repeat, else a new group and its incident. */
  async firing(): Promise<Settlement> {
    if (this.row.groupId) {
      // Bound to a group by an earlier attempt whose incident isn't recorded: this alert founded it.
      const founded = await this.db.alertGroup.findUnique({ where: { id: this.row.groupId } });
      if (founded && !founded.incidentArn && founded.openKey) {
        this.batch.groups.set(this.openKey, founded);
        return this.start(founded);
      }
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
        if (isUniqueViolation(e, "openKey")) {
          this.batch.groups.delete(this.openKey);
          continue;
        }
        throw e;
      }
      this.batch.groups.set(this.openKey, group);
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
    return this.startIncident(group, input, this.batch.dedupePlans.has(integration.responsePlanArn));
  }

  private async startIncident(group: AlertGroupModel, input: I.StartIncidentCommandInput, mayFold: boolean): Promise<Settlement> {
    const { alert } = this;
    let incidentArn: string;
    try {
      incidentArn = (await this.im.incidents.startIncident(input)).incidentRecordArn!;
    } catch (e) {
      if (!isFinal(e)) throw e;
      // Its group closes: the next alert tries again rather than joining a group without an incident.
      await closeFounded(this.db, this.batch, { ...this.row, groupId: group.id });
      return { outcome: "IGNORED", reason: `No incident was started: ${(e as Error).message}`, groupId: null, incidentArn: null };
    }
    this.batch.openIncidents.set(incidentArn, true);
    // Folded by the plan's dedupe string: another group is behind this incident (written, or
    // started earlier in this batch), or someone else started it.
    let record: I.IncidentRecord | undefined;
    const folded =
      mayFold &&
      ([...this.batch.groups.values()].some((g) => g && g.id !== group.id && g.incidentArn === incidentArn) ||
        !!(await this.db.alertGroup.findFirst({ where: { incidentArn, id: { not: group.id } }, select: { id: true } })) ||
        (record = await this.record(incidentArn))?.incidentRecordSource?.createdBy !== this.principalArn);
    group.incidentArn = incidentArn;
    const ours = !folded;
    if (ours && alert.summary) {
      record ??= await this.record(incidentArn);
      if (record && record.summary !== alert.summary) {
        // The alert's summary is the incident's (StartIncident takes none). Its own token: a retry
        // replays the first update rather than overwriting an edit made since.
        await this.im.incidents.updateIncidentRecord({ arn: incidentArn, summary: alert.summary, clientToken: `${group.id}:summary` });
      }
    }
    return {
      outcome: ours ? "NEW_INCIDENT" : "ADDED",
      reason: ours ? undefined : "The response plan's dedupe string folded this alert into an incident that was already open.",
      groupId: group.id,
      incidentArn,
      group: { kind: "started", id: group.id, incidentArn },
    };
  }

  /**
   * Another FIRING alert of an open group: counted, and said on the timeline at most once a minute.
   * The reason names no count, so a batch's repeats of one group are written as one UPDATE (the
   * group has the count).
   */
  private async repeat(group: AlertGroupModel): Promise<Settlement> {
    group.count++;
    const cutoff = new Date(this.row.receivedAt.getTime() - NOTE_EVERY_MS);
    let noted = false;
    if (group.incidentArn && (!group.lastNotedAt || group.lastNotedAt <= cutoff)) {
      // Claimed before it is written, so two instances don't both write this minute's event.
      const { count } = await this.db.alertGroup.updateMany({
        where: { id: group.id, OR: [{ lastNotedAt: null }, { lastNotedAt: { lte: cutoff } }] },
        data: { lastNotedAt: this.row.receivedAt },
      });
      group.lastNotedAt = this.row.receivedAt;
      if (count) noted = await this.timeline(group.incidentArn, `Alert "${this.alert.title}" fired again: ${plural(group.count, "time")} since ${inWords(group.firstSeenAt)}.`);
    }
    return {
      outcome: "ADDED",
      reason: group.incidentArn
        ? noted
          ? "Fired again; noted on the incident's timeline."
          : "Fired again; already noted on the incident's timeline within the last minute."
        : "Fired again while its incident was being started.",
      groupId: group.id,
      incidentArn: group.incidentArn,
      group: { kind: "repeat", id: group.id },
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
      this.batch.groups.set(this.openKey, null);
    }
    // Named as it fired: a resolve or acknowledge may carry no title of its own (PagerDuty's).
    await this.timeline(incidentArn, `Alert "${group.title}" resolved.`);
    let reason = "Resolved; the integration leaves the incident open (auto-resolve is off).";
    if (this.integration.autoResolve) {
      // Still firing: the open groups behind the incident, those this batch opened included.
      const firing = new Set((await this.db.alertGroup.findMany({ where: { incidentArn, openKey: { not: null } }, select: { id: true } })).map((g) => g.id));
      for (const g of this.batch.groups.values()) if (g?.incidentArn === incidentArn) firing.add(g.id);
      firing.delete(group.id);
      if (firing.size) reason = `Resolved; the incident stays open: ${plural(firing.size, "other alert")} behind it still firing.`;
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
    this.batch.groups.set(this.openKey, null);
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
