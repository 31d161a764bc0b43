// Lookups and row shapes shared by the ssm-contacts operations: a contact or channel by its ARN
// (ResourceNotFoundException when it isn't there), and the rows as the API returns them.
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { Prisma, Tx } from "@/lib/db/client";
import { conflict, ImError, notFound } from "../../errors";
import { decodeCursor, type Cursor } from "../pagination";

/** The ResourceType the ssm-contacts errors name. */
export const RESOURCE = { contact: "CONTACT", channel: "CONTACT_CHANNEL" } as const;

export const CONTACT_SELECT = { id: true, arn: true, alias: true, displayName: true, type: true } satisfies Prisma.ContactSelect;
export type ContactRow = Prisma.ContactGetPayload<{ select: typeof CONTACT_SELECT }>;

export const CHANNEL_SELECT = {
  id: true,
  arn: true,
  name: true,
  type: true,
  address: true,
  activationStatus: true,
  activationCodeHash: true,
  activationCodeExpiresAt: true,
  activationAttempts: true,
  createdAt: true,
  contact: { select: { arn: true, alias: true } },
} satisfies Prisma.ContactChannelSelect;
export type ChannelRow = Prisma.ContactChannelGetPayload<{ select: typeof CHANNEL_SELECT }>;

/** Any client that can read: the process's client or a transaction's. */
type Reader = Pick<Tx, "contact" | "contactChannel">;

export async function requireContact(db: Reader, arn: string): Promise<ContactRow> {
  const row = await db.contact.findUnique({ where: { arn }, select: CONTACT_SELECT });
  if (!row) throw notFound(RESOURCE.contact, arn, `The contact or escalation plan ${arn} does not exist`);
  return row;
}

export async function requireChannel(db: Reader, arn: string): Promise<ChannelRow> {
  const row = await db.contactChannel.findUnique({ where: { arn }, select: CHANNEL_SELECT });
  if (!row) throw notFound(RESOURCE.channel, arn, `The contact channel ${arn} does not exist`);
  return row;
}

export function toContact(row: ContactRow): C.Contact {
  return {
    ContactArn: row.arn,
    Alias: row.alias,
    ...(row.displayName !== null ? { DisplayName: row.displayName } : {}),
    Type: row.type as C.ContactType,
  };
}

export function toContactChannel(row: ChannelRow): C.ContactChannel & { Type: C.ChannelType } {
  return {
    ContactChannelArn: row.arn,
    ContactArn: row.contact.arn,
    Name: row.name,
    Type: row.type as C.ChannelType,
    DeliveryAddress: { SimpleAddress: row.address },
    ActivationStatus: row.activationStatus as C.ActivationStatus,
  };
}

/** A list cursor, with the error naming the ssm-contacts member (NextToken) when it isn't one. */
export function decodeNextToken(token: string | undefined, kind: "string" | "number"): Cursor | undefined {
  let cursor: Cursor | undefined;
  try {
    cursor = decodeCursor(token);
  } catch {
    cursor = { k: Number.NaN, id: "" };
  }
  if (cursor && (typeof cursor.k !== kind || (kind === "number" && !Number.isFinite(cursor.k)))) {
    throw new ImError("ValidationException", "The NextToken is not valid: pass a NextToken returned by a previous call of this operation", {
      reason: "FIELD_VALIDATION_FAILED",
      fields: [{ name: "NextToken", message: "Invalid pagination token" }],
    });
  }
  return cursor;
}

/**
 * The page size: MaxResults, or 100 when it is left out. The model allows 0, which would answer
 * empty pages forever; it is read as "the default" instead.
 */
export const pageSize = (maxResults: number | undefined) => maxResults || 100;

/** A racing CreateContact of the same alias loses on the unique key: it is the same conflict. */
export function aliasConflict(alias: string, arn: string) {
  return conflict(RESOURCE.contact, arn, `A contact or escalation plan with the alias ${alias} already exists`);
}
