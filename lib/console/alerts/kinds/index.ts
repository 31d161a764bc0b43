// Every kind of webhook the console takes, read into NormalizedAlerts (../normalized). The intake
// calls parseDelivery and answers 400 with the UnreadablePayload's message (for PagerDuty, with
// PagerDuty's own error body: InvalidPagerDutyEvent, pagerDutyInvalidBody); the processing job
// uses triggerRawData for StartIncident's triggerDetails.
import "server-only";
import { ALERT_KINDS, UnreadablePayload, type AlertKind, type NormalizedAlert } from "../normalized";
import { parseAlertmanager } from "./alertmanager";
import { parseGeneric } from "./generic";
import { parseGrafana } from "./grafana";
import { parsePagerDuty } from "./pagerduty";

const PARSERS: Record<AlertKind, (body: unknown, receivedAt: Date) => NormalizedAlert[]> = {
  ALERTMANAGER: parseAlertmanager,
  GRAFANA: parseGrafana,
  PAGERDUTY: parsePagerDuty,
  GENERIC: parseGeneric,
};

/**
 * The alerts of one delivery (a group's alerts each on its own; one for the other kinds), or
 * UnreadablePayload with the reason in words. `body` is the parsed JSON; `receivedAt` stands for
 * an alert that names no time (and seeds a PagerDuty trigger's generated dedup_key).
 */
export function parseDelivery(kind: AlertKind, body: unknown, receivedAt: Date): NormalizedAlert[] {
  const parse = Object.hasOwn(PARSERS, kind) ? PARSERS[kind] : undefined;
  // An integration row of a kind this console doesn't read (written by a newer version, or by hand):
  // the sender is told in words, as for any payload it cannot read.
  if (!parse) throw new UnreadablePayload(`This integration's kind "${String(kind)}" is not one this console reads (${ALERT_KINDS.join(", ")})`);
  return parse(body, receivedAt);
}

export { ALERTMANAGER_SOURCE } from "./alertmanager";
export { GRAFANA_SOURCE } from "./grafana";
export { GENERIC_SOURCE } from "./generic";
export {
  InvalidPagerDutyEvent,
  PAGERDUTY_SOURCE,
  generatedDedupKey,
  pagerDutyAcceptedBody,
  pagerDutyEventErrors,
  pagerDutyInvalidBody,
} from "./pagerduty";
export { fitJson, triggerRawData } from "./raw-data";
