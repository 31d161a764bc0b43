// E-mail through SMTP (nodemailer), for EMAIL channels when IM_SMTP_URL is set. The server
// accepting the message for its recipient is the closest thing to a delivery confirmation SMTP
// has, so an accepted recipient reports `confirmed` (→ a DELIVERED receipt).
import nodemailer from "nodemailer";
import type { DeliveryResult, Message, Notifier } from "./types";

/**
 * Bounded waits, so a dead mail server can't hold an engine job past its lease (see
 * lib/jobs/claim.ts). A URL may override any of them in its query string
 * (nodemailer reads options there, e.g. `?socketTimeout=5000&tls.rejectUnauthorized=false`).
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export const DEFAULT_SMTP_FROM = "Incident Manager <incident-manager@localhost>";

export function smtpNotifier(options: { url: string; from?: string }): Notifier {
  const url = new URL(options.url);
  for (const [key, ms] of Object.entries(TIMEOUTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, String(ms));
  const transport = nodemailer.createTransport(url.toString());
  const from = options.from || DEFAULT_SMTP_FROM;
  return {
    async send(message: Message): Promise<DeliveryResult> {
      try {
        const info = await transport.sendMail({ from, to: message.address, subject: message.subject ?? "Incident Manager", text: message.body });
        const accepted = (info.accepted ?? []).map(String);
        const rejected = (info.rejected ?? []).map(String);
        if (rejected.length && !accepted.length) return { ok: false, error: `The mail server rejected ${rejected.join(", ")}: ${info.response}` };
        return { ok: true, confirmed: accepted.length > 0, info: info.response };
      } catch (e) {
        return { ok: false, error: `E-mail delivery failed: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
  };
}
