// Webhook bodies → NormalizedAlert[] (../normalized.ts), one parser per kind. STUB: only the
// generic kind's required fields; the kinds' own modules (alertmanager, grafana, pagerduty,
// generic) replace it.
import { UnreadablePayload, type AlertKind, type NormalizedAlert } from "../normalized";

/** Reads a delivery of `kind`; throws UnreadablePayload (a reason in words) for a body it cannot read. */
export function parseDelivery(kind: AlertKind, body: unknown, receivedAt: Date): NormalizedAlert[] {
  if (kind !== "GENERIC") throw new UnreadablePayload(`${kind} payloads are not read yet`);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new UnreadablePayload("The body must be a JSON object.");
  const b = body as Record<string, unknown>;
  if (typeof b.title !== "string" || !b.title.trim()) throw new UnreadablePayload("`title` is required: a non-empty string.");
  const status = b.status === "resolved" ? "RESOLVED" : "FIRING";
  return [{ fingerprint: typeof b.dedupeKey === "string" ? b.dedupeKey : b.title, status, title: b.title.trim(), links: [], source: "io.incident-manager.generic", timestamp: receivedAt, raw: body }];
}
