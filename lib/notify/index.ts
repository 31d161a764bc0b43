// The notifier the console uses: the outbox always (every message is kept, with its outcome),
// plus the transports that configuration turns on — SMTP for EMAIL channels, the webhook for SMS
// and VOICE. The console inbox needs no transport: the outbox row is the delivery.
import type { Db } from "@/lib/db/client";
import { outboxResult, recordMessages } from "./outbox";
import { mapLimit } from "./send-all";
import { smtpNotifier } from "./smtp";
import type { DeliveryResult, Message, Notifier, NotifyConfig } from "./types";
import { webhookNotifier } from "./webhook";

export type { DeliveryResult, Message, Notifier, NotifyConfig } from "./types";
export { sendAll } from "./send-all";

/** The copy the outbox keeps of a message a transport delivered: its secret masked. */
export function masked(m: Message): Message {
  if (!m.secret) return m;
  const mask = "•".repeat(m.secret.length);
  const hide = (text: string) => text.split(m.secret!).join(mask);
  return { ...m, body: hide(m.body), subject: m.subject === undefined ? undefined : hide(m.subject), secret: undefined };
}

/** Messages handed to transports at once. */
const TRANSPORT_CONCURRENCY = 16;

export function createNotifier(db: Db, config: NotifyConfig): Notifier {
  const email = config.smtpUrl ? smtpNotifier({ url: config.smtpUrl, from: config.smtpFrom }) : undefined;
  const phone = config.smsWebhookUrl ? webhookNotifier({ url: config.smsWebhookUrl }) : undefined;
  const transportFor = (m: Message) => (m.channel === "EMAIL" ? email : m.channel === "SMS" || m.channel === "VOICE" ? phone : undefined);

  const sendMany = async (messages: Message[]): Promise<DeliveryResult[]> => {
    const results = await mapLimit(messages, TRANSPORT_CONCURRENCY, async (m) => {
      const transport = transportFor(m);
      if (!transport) return outboxResult(m);
      try {
        return await transport.send(m);
      } catch (e) {
        // Transports report failures as results; this is the net under a bug in one.
        return { ok: false, error: `Delivery failed: ${e instanceof Error ? e.message : String(e)}` } satisfies DeliveryResult;
      }
    });
    try {
      await recordMessages(db, messages.map((m, i) => [transportFor(m) ? masked(m) : m, results[i]]));
    } catch (e) {
      console.error("[notify] could not keep messages in the outbox", e);
      // A message that went out through a transport went out; losing its copy must not turn it
      // into a failure. For the others (the inbox, channels without a transport) the copy was the
      // delivery, so they failed.
      return results.map((r, i) => (transportFor(messages[i]) ? r : { ok: false, error: "The outbox could not keep the message" }));
    }
    return results;
  };

  return {
    send: async (message) => (await sendMany([message]))[0],
    sendMany,
  };
}
