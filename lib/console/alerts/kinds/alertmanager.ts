// Prometheus Alertmanager's webhook (`webhook_config`, format version "4"):
// https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
import type { NormalizedAlert } from "../normalized";
import { linkField, parseGroup, type GroupAlert, type GroupFormat } from "./group";
import { optionalString, unreadable } from "./read";

export const ALERTMANAGER_SOURCE = "io.prometheus.alertmanager";

const ALERTMANAGER: GroupFormat = {
  sender: "Alertmanager",
  format: "an Alertmanager webhook, version 4",
  source: ALERTMANAGER_SOURCE,
  checkEnvelope(envelope) {
    const version = optionalString(envelope, "version", "version");
    // A missing version is read as 4 (a hand-written test body); another one is a format this
    // parser doesn't know, and reading it as 4 could drop what it says.
    if (version !== undefined && version !== "4") {
      unreadable(
        `"version" is "${version.slice(0, 20)}": this integration reads Alertmanager's webhook format version 4` +
          (version === "1" ? ` (Grafana sends version 1: use a Grafana integration for it).` : "."),
      );
    }
  },
  links(a: GroupAlert) {
    return [linkField(a.alert, "generatorURL", "Prometheus graph"), silenceLink(a)];
  },
};

/**
 * Alertmanager's own "new silence" form for exactly this alert's labels (its web UI takes the
 * matchers in `filter`), so a responder can silence a flapping alert from the incident.
 */
function silenceLink(a: GroupAlert): { title: string; url: string | undefined } {
  const base = typeof a.envelope.externalURL === "string" ? a.envelope.externalURL.trim().replace(/\/+$/, "") : "";
  const keys = Object.keys(a.labels).sort();
  if (!base || !keys.length) return { title: "Silence in Alertmanager", url: undefined };
  const matchers = keys.map((k) => `${k}="${a.labels[k].replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",");
  return { title: "Silence in Alertmanager", url: `${base}/#/silences/new?filter=${encodeURIComponent(`{${matchers}}`)}` };
}

export function parseAlertmanager(body: unknown, receivedAt: Date): NormalizedAlert[] {
  return parseGroup(body, receivedAt, ALERTMANAGER);
}
