// StartEngagement, DescribeEngagement, ListEngagements, StopEngagement. The engine behind them
// (../engine, reached through ctx.engine): StartEngagement writes the engagement, its first pages and every scheduled step in
// one transaction, then fires the steps due now, so the call answers with stage 0 started.
import type * as C from "@aws-sdk/client-ssm-contacts";
import { hotReader, HotSql } from "@/lib/db/hot-reader";
import { hotWriter } from "@/lib/db/hot-writer";
import type { Out } from "../../contract";
import { notFound, validation } from "../../errors";
import type { LocalContext } from "../context";
import { idempotentHot } from "../idempotency";
import { decodeCursor, invalidToken, page } from "../pagination";
import { toDescribeEngagement, toEngagement, type EngagementRow } from "./engagement-records";

type EngagementListRow = EngagementRow & { id: string };

/** MaxResults allows 0, which would page forever without progress: it means "the default" here. */
export const listLimit = (max: number | undefined) => (max ? max : 100);

export async function startEngagement(
  ctx: LocalContext,
  input: C.StartEngagementCommandInput,
): Promise<Out<C.StartEngagementCommandOutput>> {
  const contactArn = input.ContactId!;
  // In the hot writer's transaction (lib/db/hot-writer.ts): the engine's paging writes are fixed statements.
  const result = await idempotentHot(
    ctx,
    hotWriter(ctx.db),
    { service: "ssm-contacts", operation: "StartEngagement", token: input.IdempotencyToken, tokenField: "IdempotencyToken" },
    input,
    async (tx) => {
      const started = await ctx.engine.startEngagement(
        tx,
        contactArn,
        {
          sender: input.Sender!,
          subject: input.Subject!,
          content: input.Content!,
          publicSubject: input.PublicSubject,
          publicContent: input.PublicContent,
          incidentId: input.IncidentId,
        },
        ctx.clock.now(),
      );
      if (!started) throw notFound("CONTACT", contactArn, `The contact or escalation plan ${contactArn} does not exist`);
      return { EngagementArn: started.arn };
    },
  );
  const started = await ctx.db.engagement.findUnique({ where: { arn: result.EngagementArn }, select: { id: true } });
  if (started) await ctx.engine.fireNow([started.id]);
  return result;
}

async function findEngagement(ctx: LocalContext, arn: string) {
  const row = await ctx.db.engagement.findUnique({ where: { arn } });
  if (!row) throw notFound("ENGAGEMENT", arn, `The engagement ${arn} does not exist`);
  return row;
}

export async function describeEngagement(
  ctx: LocalContext,
  input: C.DescribeEngagementCommandInput,
): Promise<Out<C.DescribeEngagementCommandOutput>> {
  return toDescribeEngagement(await findEngagement(ctx, input.EngagementId!));
}

/**
 * Engagements newest first. TimeRangeValue keeps those that "occurred during the specified time
 * range" (ListEngagements, Engagements): started before its end and not stopped before its start.
 */
export async function listEngagements(
  ctx: LocalContext,
  input: C.ListEngagementsCommandInput,
): Promise<Out<C.ListEngagementsCommandOutput>> {
  const limit = listLimit(input.MaxResults);
  const decoded = decodeCursor(input.NextToken);
  const cursor = decoded && { time: new Date(Number(decoded.k)), id: decoded.id };
  if (cursor && Number.isNaN(cursor.time.getTime())) throw invalidToken();
  const range = input.TimeRangeValue;
  if (range?.StartTime && range.EndTime && range.StartTime > range.EndTime) {
    throw validation("TimeRangeValue.StartTime is after its EndTime", [{ name: "TimeRangeValue", message: "StartTime must not be after EndTime" }]);
  }
  // A fixed statement, not a Prisma query (lib/db/hot-reader.ts): the console's incidents list
  // asks this once per incident it shows.
  const q = new HotSql().sql(`SELECT "id", "arn", "contactArn", "sender", "incidentId", "startTime", "stopTime" FROM "Engagement" WHERE 1 = 1`);
  if (input.IncidentId !== undefined) q.sql(` AND "incidentId" = ?`, input.IncidentId);
  if (range?.EndTime) q.sql(` AND "startTime" <= ?`, range.EndTime);
  if (range?.StartTime) q.sql(` AND ("stopTime" IS NULL OR "stopTime" >= ?)`, range.StartTime);
  // A row value: an index range on both databases (see hot-reads.ts in ../incidents).
  if (cursor) q.sql(` AND ("startTime", "id") < (?, ?)`, cursor.time, cursor.id);
  q.sql(` ORDER BY "startTime" DESC, "id" DESC LIMIT ?`, limit + 1);
  const rows = await hotReader(ctx.db).all<EngagementListRow>(q.query("engagement.list", { dates: ["startTime", "stopTime"] }), q.params);
  const { items, nextToken } = page(rows, limit, (r) => r.startTime.getTime());
  return { Engagements: items.map(toEngagement), NextToken: nextToken };
}

export async function stopEngagement(
  ctx: LocalContext,
  input: C.StopEngagementCommandInput,
): Promise<Out<C.StopEngagementCommandOutput>> {
  const arn = input.EngagementId!;
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.engagement.findUnique({ where: { arn }, select: { id: true } });
    if (!row) throw notFound("ENGAGEMENT", arn, `The engagement ${arn} does not exist`);
    // Stopping a stopped engagement changes nothing and is not an error: a retried stop succeeds.
    await ctx.engine.stopEngagement(tx, row.id, input.Reason, ctx.clock.now());
    return {};
  });
}
