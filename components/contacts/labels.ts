// Words the console uses for contact enums.
import type { ContactType } from "@/lib/console/contacts/dto";

export function channelTypeLabel(type: string): string {
  return type === "EMAIL" ? "Email" : type === "SMS" ? "SMS" : type === "VOICE" ? "Voice" : type;
}

export function contactTypeLabel(type: ContactType): string {
  return type === "PERSONAL" ? "Personal" : type === "ESCALATION" ? "Escalation plan" : "On-call schedule";
}

/** What became of an outbox message (lib/notify/outbox.ts), said for the person reading the outbox. */
export function outboxStatusLabel(status: string, channel: string): string {
  if (status === "KEPT") return `kept in the outbox (no ${channel === "EMAIL" ? "e-mail" : "SMS or voice"} transport configured)`;
  if (status === "SENT") return "sent";
  if (status === "DELIVERED") return "delivered";
  if (status === "FAILED") return "not delivered";
  return status;
}
