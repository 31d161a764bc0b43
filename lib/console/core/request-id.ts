// A fresh id for one save of a form whose save makes several calls (lib/console/contacts/save-contact.ts
// derives its idempotency tokens from it). The form keeps it while a save gets no answer, so sending
// the save again completes the first try instead of repeating it. crypto.getRandomValues rather than
// randomUUID: a console reached over plain http (not a secure context) has only the former.
export function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The form of a request id: what idempotency tokens may hold (letters, digits, "-"). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9-]{16,64}$/;
