// DescribePage, ListPagesByContact, ListPagesByEngagement, ListPageReceipts, AcceptPage. A page is
// one engaged personal contact of an engagement; its receipts record each delivery attempt to that
// contact's channels and each acceptance (DESIGN.md, engagement engine).
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { Prisma } from "@/lib/db/client";
import { hotQuery, hotReader, HotSql } from "@/lib/db/hot-reader";
import type { Out } from "../../contract";
import { ImError, notFound, validation } from "../../errors";
import { newId } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { decodeCursor, invalidToken, page } from "../pagination";
import { acceptCodeMatches } from "./accept-code";
import { toDescribePage, toPage, toReceipt, type PageRow } from "./engagement-records";
import { listLimit } from "./engagements";

const WITH_ENGAGEMENT = { engagement: { select: { arn: true } } } as const;

type PageListRow = PageRow & { id: string; createdAt: Date };

async function findPage(ctx: LocalContext, arn: string) {
  const row = await ctx.db.page.findUnique({ where: { arn }, include: WITH_ENGAGEMENT });
  if (!row) throw notFound("PAGE", arn, `The page ${arn} does not exist`);
  return row;
}

export async function describePage(ctx: LocalContext, input: C.DescribePageCommandInput): Promise<Out<C.DescribePageCommandOutput>> {
  return toDescribePage(await findPage(ctx, input.PageId!));
}

/** Pages newest first, keyed by creation time. */
async function listPages(ctx: LocalContext, where: Prisma.PageWhereInput, maxResults: number | undefined, nextToken: string | undefined) {
  const limit = listLimit(maxResults);
  const cursor = decodeCursor(nextToken);
  const and: Prisma.PageWhereInput[] = [where];
  if (cursor) {
    const t = new Date(Number(cursor.k));
    and.push({ OR: [{ createdAt: { lt: t } }, { createdAt: t, id: { lt: cursor.id } }] });
  }
  const rows = await ctx.db.page.findMany({
    where: { AND: and },
    include: WITH_ENGAGEMENT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const { items, nextToken: next } = page(rows, limit, (r) => r.createdAt.getTime());
  return { Pages: items.map(toPage), NextToken: next };
}

export async function listPagesByContact(
  ctx: LocalContext,
  input: C.ListPagesByContactCommandInput,
): Promise<Out<C.ListPagesByContactCommandOutput>> {
  const arn = input.ContactId!;
  const contact = await ctx.db.contact.findUnique({ where: { arn }, select: { id: true } });
  if (!contact) throw notFound("CONTACT", arn, `The contact ${arn} does not exist`);
  return listPages(ctx, { contactArn: arn }, input.MaxResults, input.NextToken);
}

const ENGAGEMENT_ID = hotQuery("engagement.idByArn", `SELECT "id" FROM "Engagement" WHERE "arn" = ?`);

/**
 * As listPages, as a fixed statement (lib/db/hot-reader.ts): the console's incidents list asks this
 * for every engagement of every incident it shows, to count the acknowledged ones. The engagement
 * is found inside the statement; only an empty page asks whether it exists.
 */
export async function listPagesByEngagement(
  ctx: LocalContext,
  input: C.ListPagesByEngagementCommandInput,
): Promise<Out<C.ListPagesByEngagementCommandOutput>> {
  const arn = input.EngagementId!;
  const limit = listLimit(input.MaxResults);
  const decoded = decodeCursor(input.NextToken);
  const cursor = decoded && { time: new Date(Number(decoded.k)), id: decoded.id };
  if (cursor && Number.isNaN(cursor.time.getTime())) throw invalidToken();
  const q = new HotSql().sql(
    `SELECT "id", "arn", "contactArn", "sender", "incidentId", "sentTime", "deliveryTime", "readTime", "createdAt" FROM "Page"
     WHERE "engagementId" = (SELECT "id" FROM "Engagement" WHERE "arn" = ?)`,
    arn,
  );
  if (cursor) q.sql(` AND ("createdAt", "id") < (?, ?)`, cursor.time, cursor.id);
  q.sql(` ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`, limit + 1);
  const reader = hotReader(ctx.db);
  const rows = await reader.all<Omit<PageListRow, "engagement">>(q.query("page.byEngagement", { dates: ["sentTime", "deliveryTime", "readTime", "createdAt"] }), q.params);
  if (!rows.length && !(await reader.get(ENGAGEMENT_ID, [arn]))) throw notFound("ENGAGEMENT", arn, `The engagement ${arn} does not exist`);
  const { items, nextToken } = page(rows, limit, (r) => r.createdAt.getTime());
  return { Pages: items.map((r) => toPage({ ...r, engagement: { arn } })), NextToken: nextToken };
}

/** Receipts newest first (the order of the reference's ListPageReceipts example, READ on top). */
export async function listPageReceipts(
  ctx: LocalContext,
  input: C.ListPageReceiptsCommandInput,
): Promise<Out<C.ListPageReceiptsCommandOutput>> {
  const arn = input.PageId!;
  const pageRow = await ctx.db.page.findUnique({ where: { arn }, select: { id: true } });
  if (!pageRow) throw notFound("PAGE", arn, `The page ${arn} does not exist`);
  const limit = listLimit(input.MaxResults);
  const cursor = decodeCursor(input.NextToken);
  const and: Prisma.ReceiptWhereInput[] = [{ pageId: pageRow.id }];
  if (cursor) {
    const t = new Date(Number(cursor.k));
    and.push({ OR: [{ receiptTime: { lt: t } }, { receiptTime: t, id: { lt: cursor.id } }] });
  }
  const rows = await ctx.db.receipt.findMany({ where: { AND: and }, orderBy: [{ receiptTime: "desc" }, { id: "desc" }], take: limit + 1 });
  const { items, nextToken } = page(rows, limit, (r) => r.receiptTime.getTime());
  return { Receipts: items.map(toReceipt), NextToken: nextToken };
}

/**
 * Records a receipt of the accepted type and sets the page's DeliveryTime (DELIVERED) or ReadTime
 * (READ), each the first time it happens. READ acknowledges the page (engine/acknowledge.ts).
 * AcceptCodeValidation ENFORCE "verif[ies] that the code entered by the user matches the code sent
 * by Incident Manager with the page"; IGNORE "accept[s] any value". The reference calls the field
 * optional and describes ENFORCE as something a caller asks for, so without it the code is not
 * checked.
 */
export async function acceptPage(ctx: LocalContext, input: C.AcceptPageCommandInput): Promise<Out<C.AcceptPageCommandOutput>> {
  const arn = input.PageId!;
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.page.findUnique({
      where: { arn },
      select: { id: true, arn: true, contactArn: true, isEssential: true, engagementId: true, acceptCodeHash: true, deliveryTime: true, readTime: true },
    });
    if (!row) throw notFound("PAGE", arn, `The page ${arn} does not exist`);
    if (input.AcceptCodeValidation === "ENFORCE" && !acceptCodeMatches(row.id, input.AcceptCode!, row.acceptCodeHash)) {
      throw new ImError("ValidationException", "The accept code does not match the code sent with this page", {
        reason: "FIELD_VALIDATION_FAILED",
        fields: [{ name: "AcceptCode", message: "The accept code does not match the code sent with this page" }],
      });
    }
    if (input.ContactChannelId) {
      const channel = await tx.contactChannel.findUnique({ where: { arn: input.ContactChannelId }, select: { contact: { select: { arn: true } } } });
      if (!channel) throw notFound("CONTACT_CHANNEL", input.ContactChannelId, `The contact channel ${input.ContactChannelId} does not exist`);
      if (channel.contact.arn !== row.contactArn) {
        throw validation(`The contact channel ${input.ContactChannelId} is not a channel of the paged contact ${row.contactArn}`, [
          { name: "ContactChannelId", message: "Name a channel of the paged contact" },
        ]);
      }
    }
    const now = ctx.clock.now();
    await tx.receipt.create({
      data: {
        id: newId(),
        pageId: row.id,
        contactChannelArn: input.ContactChannelId ?? null,
        receiptType: input.AcceptType!,
        receiptInfo: input.Note ?? null,
        receiptTime: now,
      },
    });
    if (input.AcceptType === "DELIVERED") {
      if (!row.deliveryTime) await tx.page.update({ where: { id: row.id }, data: { deliveryTime: now } });
    } else {
      // Conditional, so two racing acknowledgements act (and write the timeline event) once.
      const first = await tx.page.updateMany({ where: { id: row.id, readTime: null }, data: { readTime: now } });
      if (first.count) await ctx.engine.pageAcknowledged(tx, row, now);
    }
    return {};
  });
}

/**
 * ListPageResolutions: how the page's contact was reached, from the contact the engagement named
 * down to this personal contact — "escalation plan > on-call schedule > contact" (reference). The
 * engine records the path when it creates the page (lib/im/local/engine/start.ts); a page from
 * before paths were recorded is given the path its engagement implies. Each step through an
 * escalation plan carries the StageIndex of the stage that reached it. One short list: no NextToken.
 */
export async function listPageResolutions(ctx: LocalContext, input: C.ListPageResolutionsCommandInput): Promise<Out<C.ListPageResolutionsCommandOutput>> {
  const arn = input.PageId!;
  const row = await ctx.db.page.findUnique({ where: { arn }, select: { contactArn: true, resolution: true, engagement: { select: { contactArn: true } } } });
  if (!row) throw notFound("PAGE", arn, `The page ${arn} does not exist`);
  if (row.resolution) return { PageResolutions: JSON.parse(row.resolution) as C.ResolutionContact[] };
  const direct = row.engagement.contactArn === row.contactArn;
  return {
    PageResolutions: [
      ...(direct ? [] : [{ ContactArn: row.engagement.contactArn, Type: "ESCALATION" as const }]),
      { ContactArn: row.contactArn, Type: "PERSONAL" as const },
    ],
  };
}
