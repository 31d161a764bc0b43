// Firing claimed jobs, a batch at a time, in three steps.
//   1. Read what the batch needs (its pages, the channels it delivers to) in a few queries, and
//      decide each job: nothing to do (the page was acknowledged or stopped), an ERROR receipt (a
//      channel not activated or gone), a message to send, or an escalation stage to start.
//   2. Hand the batch's messages to the notifier at once (sendAll). Nothing is written yet
//      except the outbox's own copies.
//   3. Complete the batch in one transaction: mark the jobs DONE — only those this scheduler still
//      holds (its claim token), which fences off a scheduler whose lease ran out (lib/jobs,
//      completeClaimed) — and write their effects: receipts, the pages' SentTime/DeliveryTime, next
//      retries, the pages of the escalation stages that start, with their own steps.
// If that transaction fails, each job is completed on its own, so one bad job can't hold back the
// rest; a job that still fails is released to be tried again later (lib/jobs, releaseJob).
//
// Claims are leases, so delivery is at-least-once (lib/jobs/claim.ts): a message handed to a
// transport just before a crash is sent again by the next claimant. For paging that's the right
// side to err on: a duplicate page is better than a lost one. Transports time out well inside the
// lease, and no send starts for a claim already half its lease old (below), so a live scheduler
// never loses a claim mid-send.
import { hotReader, HotSql } from "@/lib/db/hot-reader";
import { hotWriter, type HotTx } from "@/lib/db/hot-writer";
import { completeClaimed, LEASE_MS, payloadOf, releaseJob, type Claim, type FireResult, type JobRow } from "@/lib/jobs";
import { sendAll } from "@/lib/notify/send-all";
import type { ChannelType, DeliveryResult, Message } from "@/lib/notify/types";
import { newId } from "@/lib/im/arns";
import { memberMax } from "@/lib/im/model";
import { MINUTE_MS } from "./contact-plans";
import type { EngineContext } from "./context";
import { JOB_KIND, NEW_JOB_COLUMNS, RUNNER_NAME, type DeliverPayload, type EscalationStagePayload, type InboxPayload, type NewJob } from "./jobs";
import { pageMessage } from "./messages";
import { pageResolved, type EngagementRow } from "./start";

type ReceiptData = { pageId: string; contactChannelArn: string | null; receiptType: string; receiptInfo: string | null; receiptTime: Date };

type Effect = {
  job: JobRow;
  receipts: ReceiptData[];
  sentPage?: string;
  deliveredPage?: string;
  retry?: NewJob;
  escalation?: EscalationStagePayload;
};

/** A job with a message to hand over first; its effect depends on the answer. */
type Send = { job: JobRow; message: Message; pageId: string; channelArn: string | null; retry?: NewJob };

type PageRow = { id: string; arn: string; contactArn: string; subject: string | null; content: string | null; publicSubject: string | null; publicContent: string | null; readTime: Date | null; stoppedTime: Date | null };
type ChannelRow = { arn: string; name: string; type: string; address: string; activationStatus: string; contactArn: string };

// StopEngagement stops every page of the engagement in its own transaction, and no stage starts
// after it (applyEffects), so the page's own StoppedTime says whether its engagement stopped.
const PAGE_COLUMNS = `"id", "arn", "contactArn", "subject", "content", "publicSubject", "publicContent", "readTime", "stoppedTime"`;

const RECEIPT_COLUMNS = ["id", "pageId", "contactChannelArn", "receiptType", "receiptInfo", "receiptTime"] as const;

// A receipt's info (a transport's answer, an error) is cut to what Receipt.ReceiptInfo allows.
const INFO_MAX = memberMax("ssm-contacts", "Receipt", "ReceiptInfo");
const info = (text: string) => text.slice(0, INFO_MAX);

/**
 * The next attempt on a channel: RetryIntervalInMinutes after the last one was due, on that grid
 * (a scheduler that was down skips the attempts it missed rather than sending them in a burst),
 * and only while the stage lasts (DESIGN.md: retried "until the page is acknowledged or the stage
 * ends").
 */
function nextRetry(job: JobRow, p: DeliverPayload, now: Date): NewJob | undefined {
  if (!(p.retryMinutes > 0)) return undefined;
  const every = p.retryMinutes * MINUTE_MS;
  const due = job.dueAt.getTime();
  const steps = Math.max(1, Math.floor((now.getTime() - due) / every) + 1);
  const at = due + steps * every;
  if (at >= p.stageEndsAt) return undefined;
  const payload: DeliverPayload = { ...p, attempt: p.attempt + steps };
  return { id: newId(), engagementId: engagementOf(job), pageId: job.pageId, kind: JOB_KIND.deliver, dueAt: new Date(at), payload: JSON.stringify(payload) };
}

/** The engagement of one of the engine's jobs: its queue's rows always have one (schema.prisma, EngineJob). */
function engagementOf(job: JobRow): string {
  if (!job.engagementId) throw new Error(`job ${job.id} of kind ${job.kind} has no engagement: not the engine's`);
  return job.engagementId;
}

/** Fires a claimed batch (the engine's lib/jobs fire function). */
export async function fireJobs(ctx: EngineContext, jobs: JobRow[], o: Claim): Promise<FireResult> {
  const { now } = o;
  const leaseMs = o.leaseMs ?? LEASE_MS;
  // What the batch reads before it sends: committed rows, through the hot reader.
  const reader = hotReader(ctx.db);
  const pageIds = [...new Set(jobs.flatMap((j) => (j.pageId ? [j.pageId] : [])))];
  const pagesQ = new HotSql().sql(`SELECT ${PAGE_COLUMNS} FROM "Page" WHERE `).in(`"id"`, pageIds, { oneStatement: true });
  const pages = new Map(
    pageIds.length ? (await reader.all<PageRow>(pagesQ.query("engine.firePages", { dates: ["readTime", "stoppedTime"] }), pagesQ.params)).map((p) => [p.id, p]) : [],
  );
  const channelArns = [...new Set(jobs.filter((j) => j.kind === JOB_KIND.deliver).map((j) => payloadOf<DeliverPayload>(j).channelArn))];
  const channelsQ = new HotSql()
    .sql(`SELECT ch."arn", ch."name", ch."type", ch."address", ch."activationStatus", c."arn" AS "contactArn"
            FROM "ContactChannel" ch JOIN "Contact" c ON c."id" = ch."contactId" WHERE `)
    .in(`ch."arn"`, channelArns, { oneStatement: true });
  const channels = new Map(channelArns.length ? (await reader.all<ChannelRow>(channelsQ.query("engine.fireChannels"), channelsQ.params)).map((c) => [c.arn, c]) : []);

  const effects: Effect[] = [];
  const sends: Send[] = [];
  const releases: { job: JobRow; error: unknown }[] = [];
  for (const job of jobs) {
    try {
      if (job.kind === JOB_KIND.escalationStage) {
        effects.push({ job, receipts: [], escalation: payloadOf<EscalationStagePayload>(job) });
        continue;
      }
      const page = job.pageId ? pages.get(job.pageId) : undefined;
      // Acknowledged, stopped or gone: nothing more to send for this page.
      if (!page || page.readTime || page.stoppedTime) {
        effects.push({ job, receipts: [] });
        continue;
      }
      if (job.kind === JOB_KIND.inbox) {
        // The inbox is the console itself, not a contact channel: no receipt, the outbox row is the delivery.
        sends.push({ job, pageId: page.id, channelArn: null, message: pageMessage(page, "INBOX", page.contactArn, payloadOf<InboxPayload>(job).code) });
        continue;
      }
      if (job.kind !== JOB_KIND.deliver) throw new Error(`Unknown engine job kind ${job.kind}`);
      const p = payloadOf<DeliverPayload>(job);
      const retry = nextRetry(job, p, now);
      const channel = channels.get(p.channelArn);
      const error = (why: string) =>
        effects.push({ job, retry, receipts: [{ pageId: page.id, contactChannelArn: p.channelArn, receiptType: "ERROR", receiptInfo: info(why), receiptTime: now }] });
      if (!channel || channel.contactArn !== page.contactArn) {
        error("Not reached: this contact channel no longer exists");
      } else if (channel.activationStatus !== "ACTIVATED") {
        // Reference, ActivateContactChannel: "Incident Manager can't engage a contact until the contact channel has been activated."
        // Worded for the responder who reads it in a receipt: the channel by its name, not its ARN.
        error(`Not reached: the channel "${channel.name}" is not activated (a channel is paged only after it is activated with its code)`);
      } else {
        sends.push({ job, pageId: page.id, channelArn: channel.arn, retry, message: pageMessage(page, channel.type as ChannelType, channel.address, p.code, channel.arn) });
      }
    } catch (e) {
      releases.push({ job, error: e });
    }
  }

  // A send that could outlast the claim's lease might be repeated by another scheduler: only a
  // claim less than half its lease old is sent on (the batch was claimed together, moments ago,
  // unless a previous step of this tick hung).
  const clockNow = ctx.clock.now().getTime();
  const fresh: Send[] = [];
  for (const s of sends) {
    if (clockNow - (s.job.claimedAt?.getTime() ?? 0) < leaseMs / 2) fresh.push(s);
    else releases.push({ job: s.job, error: new Error("The claim grew old before the delivery started") });
  }
  const results: DeliveryResult[] = await sendAll(ctx.notifier, fresh.map((s) => s.message));
  const answeredAt = new Date(Math.max(now.getTime(), ctx.clock.now().getTime()));
  fresh.forEach((s, i) => {
    const result = results[i];
    if (!s.channelArn) {
      // The inbox: a failure here is the database's, so the job is tried again.
      if (result.ok) effects.push({ job: s.job, receipts: [] });
      else releases.push({ job: s.job, error: new Error(result.error) });
      return;
    }
    if (!result.ok) {
      effects.push({ job: s.job, retry: s.retry, receipts: [{ pageId: s.pageId, contactChannelArn: s.channelArn, receiptType: "ERROR", receiptInfo: info(result.error), receiptTime: answeredAt }] });
      return;
    }
    const receipts: ReceiptData[] = [{ pageId: s.pageId, contactChannelArn: s.channelArn, receiptType: "SENT", receiptInfo: null, receiptTime: now }];
    if (result.confirmed) {
      receipts.push({ pageId: s.pageId, contactChannelArn: s.channelArn, receiptType: "DELIVERED", receiptInfo: result.info ? info(result.info) : null, receiptTime: answeredAt });
    }
    effects.push({ job: s.job, retry: s.retry, receipts, sentPage: s.pageId, deliveredPage: result.confirmed ? s.pageId : undefined });
  });

  for (const r of releases) {
    console.error(`[engine] job ${r.job.id} (${r.job.kind}) is given back to be fired again:`, r.error);
    await releaseJob(ctx.db, r.job, o.token, now, r.error);
  }
  // Only an escalation stage that starts makes steps due at once (its pages' first messages).
  return { completed: await complete(ctx, effects, o.token, now, answeredAt), released: releases.length, more: effects.some((e) => e.escalation) };
}

/** Completes effects in one transaction, or one by one if that fails. Returns how many completed. */
async function complete(ctx: EngineContext, effects: Effect[], token: string, now: Date, answeredAt: Date): Promise<number> {
  if (!effects.length) return 0;
  const writer = hotWriter(ctx.db);
  // Jobs whose only effect is being done (inbox messages, pages acknowledged meanwhile) complete in one statement.
  const onlyDone = effects.every((e) => !e.receipts.length && !e.sentPage && !e.deliveredPage && !e.retry && !e.escalation);
  try {
    if (onlyDone) return (await writer.statement((tx) => completeClaimed(tx, effects.map((e) => e.job.id), { token, now }, RUNNER_NAME))).size;
    return await writer.transaction((tx) => applyEffects(tx, ctx, effects, token, now, answeredAt));
  } catch (e) {
    if (effects.length === 1) {
      console.error(`[engine] job ${effects[0].job.id} could not be completed:`, e);
      await releaseJob(ctx.db, effects[0].job, token, now, e);
      return 0;
    }
  }
  let completed = 0;
  for (const effect of effects) completed += await complete(ctx, [effect], token, now, answeredAt);
  return completed;
}

/** `UPDATE "Page" SET <set> WHERE "id" IN <ids><and>`. */
function pagesUpdate(name: string, set: string, value: Date, ids: string[], and = "") {
  const q = new HotSql().sql(`UPDATE "Page" SET ${set} = ? WHERE `, value).in(`"id"`, ids, { oneStatement: true }).sql(and);
  return { query: q.query(name), params: q.params };
}

async function applyEffects(tx: HotTx, ctx: EngineContext, effects: Effect[], token: string, now: Date, answeredAt: Date): Promise<number> {
  // Only the effects of jobs this scheduler still holds: another claimant writes the others'.
  const owned = await completeClaimed(tx, effects.map((e) => e.job.id), { token, now }, RUNNER_NAME);
  const mine = effects.filter((e) => owned.has(e.job.id));

  const receipts = mine.flatMap((e) => e.receipts);
  await tx.insert("Receipt", RECEIPT_COLUMNS, receipts.map((r) => ({ id: newId(), ...r })));

  // SentTime follows the latest send (the reference's DescribePage example shows the last SENT
  // receipt's time); DeliveryTime keeps the first delivery.
  const sent = [...new Set(mine.flatMap((e) => (e.sentPage ? [e.sentPage] : [])))];
  if (sent.length) {
    const q = pagesUpdate("engine.pagesSent", `"sentTime"`, now, sent);
    tx.queue(q.query, q.params);
  }
  const delivered = [...new Set(mine.flatMap((e) => (e.deliveredPage ? [e.deliveredPage] : [])))];
  if (delivered.length) {
    const q = pagesUpdate("engine.pagesDelivered", `"deliveryTime"`, answeredAt, delivered, ` AND "deliveryTime" IS NULL`);
    tx.queue(q.query, q.params);
  }

  const jobs: NewJob[] = [];
  const retries = mine.flatMap((e) => (e.retry ? [e.retry] : []));
  if (retries.length) {
    // A page acknowledged or stopped meanwhile has had its pending steps cancelled; don't add new ones.
    const q = new HotSql()
      .sql(`SELECT "id" FROM "Page" WHERE `)
      .in(`"id"`, [...new Set(retries.map((r) => r.pageId!))], { oneStatement: true })
      .sql(` AND "readTime" IS NULL AND "stoppedTime" IS NULL`);
    const active = new Set((await tx.all<{ id: string }>(q.query("engine.pagesActive"), q.params)).map((p) => p.id));
    jobs.push(...retries.filter((r) => active.has(r.pageId!)));
  }

  const stages = mine.flatMap((e) => (e.escalation ? [{ engagementId: engagementOf(e.job), stage: e.escalation.stage, targets: e.escalation.targets }] : []));
  if (stages.length) {
    // A stage starts only if its engagement is neither stopped nor acknowledged by an essential
    // target. The write (a no-op value) makes this a row lock on PostgreSQL: AcceptPage and
    // StopEngagement update the same rows, so either they see this stage's pages or it sees them.
    const q = new HotSql()
      .sql(`UPDATE "Engagement" SET "acknowledgedTime" = NULL WHERE `)
      .in(`"id"`, stages.map((s) => s.engagementId), { oneStatement: true })
      .sql(` AND "stopTime" IS NULL AND "acknowledgedTime" IS NULL
             RETURNING "id", "arn", "contactArn", "sender", "subject", "content", "publicSubject", "publicContent", "incidentId"`);
    const going = await tx.all<EngagementRow>(q.query("engine.stagesGoing"), q.params);
    const byId = new Map(going.map((g) => [g.id, g]));
    // On-call schedules among the targets page whoever is on call now, as the stage starts.
    jobs.push(
      ...(await pageResolved(
        tx,
        ctx,
        stages.flatMap((s) => {
          const engagement = byId.get(s.engagementId);
          return engagement ? [{ engagement, targets: s.targets, stageIndex: s.stage }] : [];
        }),
        now,
      )),
    );
  }
  await tx.insert("EngineJob", NEW_JOB_COLUMNS, jobs);
  return mine.length;
}
