// SMS and voice through an HTTP webhook (IM_SMS_WEBHOOK_URL): the console POSTs each message as
// JSON and a gateway of the operator's choice (Twilio, SNS, an on-prem modem...) places it. A 2xx
// answer means the gateway took it; 202 Accepted means "queued, not yet confirmed", any other 2xx
// counts as delivered to the carrier (→ a DELIVERED receipt).
import type { DeliveryResult, Message, Notifier } from "./types";

/** Below the engine's job lease, so a hanging gateway can't make a job look abandoned. */
const TIMEOUT_MS = 10_000;

/** The JSON body a webhook receives. */
export type WebhookPayload = {
  kind: Message["kind"];
  channel: Message["channel"];
  address: string;
  subject: string | null;
  body: string;
  pageArn: string | null;
  channelArn: string | null;
};

export function webhookNotifier(options: { url: string; timeoutMs?: number }): Notifier {
  return {
    async send(message: Message): Promise<DeliveryResult> {
      const payload: WebhookPayload = {
        kind: message.kind,
        channel: message.channel,
        address: message.address,
        subject: message.subject ?? null,
        body: message.body,
        pageArn: message.pageArn ?? null,
        channelArn: message.channelArn ?? null,
      };
      try {
        const res = await fetch(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "incident-manager-console" },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
        });
        const text = (await res.text().catch(() => "")).slice(0, 500);
        if (!res.ok) return { ok: false, error: `The SMS/voice webhook answered ${res.status}${text ? `: ${text}` : ""}` };
        return { ok: true, confirmed: res.status !== 202, info: `webhook ${res.status}` };
      } catch (e) {
        const why = e instanceof Error ? (e.name === "TimeoutError" ? "timed out" : e.message) : String(e);
        return { ok: false, error: `The SMS/voice webhook failed: ${why}` };
      }
    },
  };
}
