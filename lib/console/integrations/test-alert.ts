// "Send test alert": a body of the integration's own kind, shaped as its tool documents it
// (Alertmanager's webhook v4, Grafana's webhook, a PagerDuty Events v2 trigger, the generic JSON),
// built here rather than read from the test fixtures, which don't ship. It goes through the same
// intake as a real delivery (acceptDelivery), so it is stored, processed and starts an incident.
// Every test alert of one integration is the same alert (one fingerprint): pressing the button
// again while its incident is open counts a repeat instead of starting another incident.
import type { AlertKind } from "@/lib/console/alerts/normalized";

export const TEST_ALERT_FINGERPRINT = "console-test-alert";

/** PagerDuty's body needs a routing_key; the intake strips it, and the token is never at hand here. */
const NO_TOKEN = "console-test-alert";

export function testAlertBody(kind: AlertKind, integrationName: string, now: Date): Record<string, unknown> {
  const at = now.toISOString();
  const summary = `Test alert from ${integrationName}`;
  const description = "Sent with the console's Send test alert button to check this integration end to end.";
  switch (kind) {
    case "ALERTMANAGER":
    case "GRAFANA": {
      const labels = { alertname: "ConsoleTestAlert", severity: "warning", integration: integrationName };
      const annotations = { summary, description };
      const alert = {
        status: "firing",
        labels,
        annotations,
        startsAt: at,
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "",
        fingerprint: TEST_ALERT_FINGERPRINT,
      };
      const envelope = {
        receiver: integrationName,
        status: "firing",
        alerts: [alert],
        groupLabels: { alertname: "ConsoleTestAlert" },
        commonLabels: labels,
        commonAnnotations: annotations,
        externalURL: "",
        truncatedAlerts: 0,
      };
      return kind === "ALERTMANAGER"
        ? { version: "4", groupKey: '{}:{alertname="ConsoleTestAlert"}', ...envelope }
        : { version: "1", groupKey: "{}:{}", orgId: 1, state: "alerting", title: `[FIRING:1] ConsoleTestAlert`, ...envelope };
    }
    case "PAGERDUTY":
      return {
        routing_key: NO_TOKEN,
        event_action: "trigger",
        dedup_key: TEST_ALERT_FINGERPRINT,
        payload: { summary, source: "incident-manager-console", severity: "warning", timestamp: at, custom_details: { description } },
      };
    case "GENERIC":
      return { title: summary, status: "firing", dedupeKey: TEST_ALERT_FINGERPRINT, severity: "warning", summary: description, timestamp: at };
  }
}
