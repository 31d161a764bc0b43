// The outbox: records every message in the Notification table. In local mode without a transport
// configured, this is where activation codes and pages "go" (the console shows them); with one,
// the row also says what the transport answered.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { hotWriter } from "@/lib/db/hot-writer";
import type { DeliveryResult, Message, Notifier } from "./types";

function row(message: Message, result: DeliveryResult) {
  return {
    id: randomUUID(),
    kind: message.kind,
    channel: message.channel,
    address: message.address,
    subject: message.subject ?? null,
    body: message.body,
    pageId: message.pageArn ?? null,
    channelArn: message.channelArn ?? null,
    // SENT: handed to a transport; DELIVERED: confirmed; FAILED: the transport refused it; KEPT: no
    // transport for the channel, so it went nowhere but here (the console must not say "SENT").
    status: !result.ok ? "FAILED" : result.confirmed ? "DELIVERED" : result.kept ? "KEPT" : "SENT",
    error: result.ok ? null : result.error,
    createdAt: new Date(),
  };
}

const COLUMNS = ["id", "kind", "channel", "address", "subject", "body", "pageId", "channelArn", "status", "error", "createdAt"] as const;

/**
 * Keeps messages and their outcomes in one write (an engine tick sends hundreds), through the hot
 * writer (lib/db/hot-writer.ts): a page fired before StartIncident answers pays no Prisma call for
 * its copy. Never called inside a transaction (the notifier writes on its own).
 */
export async function recordMessages(db: Db, entries: [Message, DeliveryResult][]): Promise<void> {
  if (entries.length) await hotWriter(db).insert("Notification", COLUMNS, entries.map(([m, r]) => row(m, r)));
}

export type OutboxEntry = { id: string; channel: string; address: string; body: string; status: string; createdAt: Date };

/** The newest messages of one kind sent to a contact channel (the console shows a channel's activation codes). */
export async function recentMessages(db: Db, channelArn: string, kind: Message["kind"], take: number): Promise<OutboxEntry[]> {
  return db.notification.findMany({
    where: { channelArn, kind },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, channel: true, address: true, body: true, status: true, createdAt: true },
  });
}

/**
 * Recorded, not confirmed by any transport: the outbox itself never reports DELIVERED, except for
 * the console inbox, whose copy is the delivery; anything else is only kept.
 */
export const outboxResult = (message: Message): DeliveryResult =>
  message.channel === "INBOX" ? { ok: true, confirmed: true } : { ok: true, confirmed: false, kept: true };

export function outboxNotifier(db: Db): Notifier {
  return {
    async send(message: Message): Promise<DeliveryResult> {
      const result = outboxResult(message);
      await recordMessages(db, [[message, result]]);
      return result;
    },
    async sendMany(messages: Message[]): Promise<DeliveryResult[]> {
      const results = messages.map(outboxResult);
      await recordMessages(db, messages.map((m, i) => [m, results[i]]));
      return results;
    },
  };
}
