"use client";
import { useQuery } from "@tanstack/react-query";
import type { ContactOption } from "@/lib/console/contacts/dto";
import { contactKeys } from "@/lib/console/contacts/keys";
import { readJson } from "@/lib/console/core/errors";

/** Contacts and escalation plans for a picker, fetched once the picker opens. */
export function useContactOptions(enabled: boolean) {
  return useQuery({ queryKey: contactKeys.options(), queryFn: () => readJson<ContactOption[]>("/api/contacts/options"), enabled });
}

export function contactLabel(c: ContactOption): string {
  const kind = c.type === "ESCALATION" ? "escalation plan" : c.type === "ONCALL_SCHEDULE" ? "on-call schedule" : "contact";
  return `${c.displayName ? `${c.displayName} (${c.alias})` : c.alias} · ${kind}`;
}
