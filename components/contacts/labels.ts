// Words the console uses for contact enums.
import type { ContactType } from "@/lib/console/contacts/dto";

export function channelTypeLabel(type: string): string {
  return type === "EMAIL" ? "Email" : type === "SMS" ? "SMS" : type === "VOICE" ? "Voice" : type;
}

export function contactTypeLabel(type: ContactType): string {
  return type === "PERSONAL" ? "Personal" : type === "ESCALATION" ? "Escalation plan" : "On-call schedule";
}
