// Grafana Alerting's webhook contact point: Alertmanager's group body plus orgId, title, state,
// message and, per alert, silenceURL, dashboardURL, panelURL, imageURL and values (valueString
// before Grafana 10):
// https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/
import type { NormalizedAlert } from "../normalized";
import { linkField, parseGroup, type GroupAlert, type GroupFormat } from "./group";
import { isRecord, optionalString, unreadable } from "./read";

export const GRAFANA_SOURCE = "com.grafana.alerting";

const GRAFANA: GroupFormat = {
  sender: "Grafana",
  format: "a Grafana Alerting webhook",
  source: GRAFANA_SOURCE,
  checkEnvelope(envelope) {
    // Grafana's legacy (dashboard) alerting posted one rule's state with no alerts list.
    if (envelope.alerts === undefined && ("ruleName" in envelope || "evalMatches" in envelope)) {
      unreadable(
        `This is a legacy Grafana dashboard alert (it has "ruleName" but no "alerts" list); ` +
          `send from a Grafana Alerting contact point of type Webhook instead.`,
      );
    }
  },
  links(a: GroupAlert) {
    return [
      linkField(a.alert, "generatorURL", "Grafana alert rule"),
      linkField(a.alert, "dashboardURL", "Grafana dashboard"),
      linkField(a.alert, "panelURL", "Grafana panel"),
      linkField(a.alert, "imageURL", "Grafana panel screenshot"),
      linkField(a.alert, "silenceURL", "Silence in Grafana"),
    ];
  },
  details(a: GroupAlert) {
    const values = a.alert.values;
    if (isRecord(values) && Object.keys(values).length) {
      return `Values: ${Object.entries(values)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(", ")}`;
    }
    const valueString = optionalString(a.alert, "valueString", `${a.path}.valueString`);
    return valueString ? `Values: ${valueString.trim()}` : undefined;
  },
};

export function parseGrafana(body: unknown, receivedAt: Date): NormalizedAlert[] {
  return parseGroup(body, receivedAt, GRAFANA);
}
