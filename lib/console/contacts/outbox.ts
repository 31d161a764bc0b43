// Where a channel's activation codes went, in local mode: the notifier's outbox (the
// Notification table, lib/notify/outbox.ts). Real AWS delivers codes by e-mail, SMS or voice and
// keeps no copy the console could read, so in aws mode this says so instead.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { ChannelOutbox } from "./dto";

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
    const rows = await db().notification.findMany({
      where: { channelArn, kind: "ACTIVATION" },
      orderBy: { createdAt: "desc" },
      take: RECENT_MESSAGES,
      select: { id: true, channel: true, address: true, body: true, status: true, createdAt: true },
    });
    return { available: true, messages: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
  });
}
