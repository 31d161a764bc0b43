// ListRelatedItems and UpdateRelatedItems: the resources responders collect on an incident. An
// item is identified by its type and value (ItemIdentifier); generatedId is the service's handle
// for it, which timeline events reference (EventReference.relatedItemId).
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Out } from "../../contract";
import { conflict, ImError, validation } from "../../errors";
import { newHexId } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { decodeCursor, page } from "../pagination";
import { relatedItemValue } from "./incident-records";
import { EVENT_TYPES, requireIncident, writeAutomaticEvent } from "./timeline";

const ITEM_SELECT = { id: true, type: true, title: true, valueKind: true, value: true, createdAt: true } satisfies Prisma.RelatedItemSelect;

type ItemRow = Prisma.RelatedItemGetPayload<{ select: typeof ITEM_SELECT }>;

/** The ItemValue union member a stored item was given with (the inverse of relatedItemValue). */
function toItemValue(row: ItemRow): I.ItemValue {
  switch (row.valueKind) {
    case "arn":
      return { arn: row.value };
    case "url":
      return { url: row.value };
    case "metricDefinition":
      return { metricDefinition: row.value };
    case "pagerDutyIncidentDetail":
      return { pagerDutyIncidentDetail: JSON.parse(row.value) as I.PagerDutyIncidentDetail };
    default:
      throw new Error(`Related item ${row.id} has an unknown value kind ${row.valueKind}`);
  }
}

function toRelatedItem(row: ItemRow): I.RelatedItem {
  return {
    generatedId: row.id,
    identifier: { type: row.type as I.ItemType, value: toItemValue(row) },
    ...(row.title !== null ? { title: row.title } : {}),
  };
}

/** A new item's generatedId, in the model's GeneratedId form: related-item/<TYPE>/<32 upper-case hex>. */
export const newGeneratedId = (type: string) => `related-item/${type}/${newHexId()}`;

export async function listRelatedItems(
  ctx: LocalContext,
  input: I.ListRelatedItemsCommandInput,
): Promise<Out<I.ListRelatedItemsCommandOutput>> {
  const incident = await requireIncident(ctx.db, input.incidentRecordArn!);
  const limit = input.maxResults ?? 100;
  const cursor = decodeCursor(input.nextToken);
  const and: Prisma.RelatedItemWhereInput[] = [{ incidentId: incident.id }];
  if (cursor) {
    const t = new Date(typeof cursor.k === "number" ? cursor.k : Number.NaN);
    if (Number.isNaN(t.getTime())) {
      throw new ImError("ValidationException", "The nextToken is not valid: pass a nextToken returned by a previous ListRelatedItems call", {
        reason: "FIELD_VALIDATION_FAILED",
        fields: [{ name: "nextToken", message: "Invalid pagination token" }],
      });
    }
    and.push({ OR: [{ createdAt: { lt: t } }, { createdAt: t, id: { lt: cursor.id } }] });
  }
  // Newest first, as every list of the local model (DESIGN.md); the API gives no sort of its own.
  const rows = await ctx.db.relatedItem.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: ITEM_SELECT,
  });
  const { items, nextToken } = page(rows, limit, (r) => r.createdAt.getTime());
  return { relatedItems: items.map(toRelatedItem), nextToken };
}

const describeItem = (type: string, value: string) => `${type} ${value.length > 120 ? `${value.slice(0, 120)}…` : value}`;

const duplicate = (arn: string, type: string, value: string) =>
  conflict("INCIDENT_RECORD", arn, `The related item ${describeItem(type, value)} is already on incident record ${arn}`);

export async function updateRelatedItems(
  ctx: LocalContext,
  input: I.UpdateRelatedItemsCommandInput,
): Promise<Out<I.UpdateRelatedItemsCommandOutput>> {
  const update = input.relatedItemsUpdate!;
  // RelatedItem.generatedId: "Don't specify this parameter when you add a RelatedItem by using the
  // UpdateRelatedItems API action" — the service makes it.
  if (update.itemToAdd?.generatedId !== undefined) {
    const name = "relatedItemsUpdate.itemToAdd.generatedId";
    const message = `Value at '${name}' must not be set: the service generates a related item's ID`;
    throw validation(message, [{ name, message }]);
  }
  const arn = input.incidentRecordArn!;
  const token = { service: "ssm-incidents" as const, operation: "UpdateRelatedItems", token: input.clientToken, tokenField: "clientToken" };
  try {
    return await idempotent(ctx, token, input, async (tx) => {
      const incident = await requireIncident(tx, arn);
      const now = ctx.clock.now();
      let newValue: Record<string, unknown>;
      if (update.itemToAdd) {
        const { identifier, title } = update.itemToAdd;
        const type = identifier!.type!;
        const { valueKind, value } = relatedItemValue(identifier!.value!);
        const existing = await tx.relatedItem.findUnique({
          where: { incidentId_type_valueKind_value: { incidentId: incident.id, type, valueKind, value } },
          select: { id: true },
        });
        if (existing) throw duplicate(incident.arn, type, value);
        await tx.relatedItem.create({
          data: { id: newGeneratedId(type), incidentId: incident.id, type, title: title ?? null, valueKind, value, createdAt: now },
        });
        newValue = { itemToAdd: { identifier: { type, value: identifier!.value }, title } };
      } else {
        const identifier = update.itemToRemove!;
        const type = identifier.type!;
        const { valueKind, value } = relatedItemValue(identifier.value!);
        const { count } = await tx.relatedItem.deleteMany({ where: { incidentId: incident.id, type, valueKind, value } });
        if (count === 0) {
          // ResourceNotFoundException's resourceType has no related-item value, so none is given.
          throw new ImError("ResourceNotFoundException", `The related item ${describeItem(type, value)} is not on incident record ${incident.arn}`);
        }
        // Timeline events that referenced the item keep the reference: the timeline is history.
        newValue = { itemToRemove: { type, value: identifier.value } };
      }
      // A related-item change is a change to the incident record: it moves lastModified* and
      // writes an "SSM Incident Record Update" event shaped like the GetTimelineEvent example's
      // ({"modifiedBy", "modifiedAttributes": [{"attributeName": "relatedItems", "newValue": ...}], "incidentTitle"}).
      await tx.incidentRecord.update({ where: { id: incident.id }, data: { lastModifiedBy: ctx.principalArn, lastModifiedTime: now } });
      await writeAutomaticEvent(tx, incident.id, now, EVENT_TYPES.update, {
        modifiedBy: ctx.principalArn,
        modifiedAttributes: [{ attributeName: "relatedItems", newValue }],
        incidentTitle: incident.title,
      }, ctx.principalArn);
      return {};
    });
  } catch (e) {
    // Two racing adds of the same item both pass the check above; the unique key stops the second.
    if (isUniqueViolation(e) && update.itemToAdd) {
      const { type, value } = update.itemToAdd.identifier!;
      throw duplicate(arn, type!, relatedItemValue(value!).value);
    }
    throw e;
  }
}
