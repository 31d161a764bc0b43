import { describe, expect, it } from "vitest";
import { alertFixture } from "@/test/support/alert-fixtures";
import { ALERT_LIMITS, isCustomSource } from "../limits";
import { UnreadablePayload } from "../normalized";
import { ALERTMANAGER_SOURCE, parseAlertmanager } from "./alertmanager";

const received = new Date("2024-03-04T10:00:00Z");

describe("Alertmanager webhook (version 4)", () => {
  it("reads Alertmanager's own sample body", () => {
    const [alert] = parseAlertmanager(alertFixture("alertmanager", "probe-failure"), received);
    expect(alert).toMatchObject({
      fingerprint: "1a30ba71cca2921f",
      status: "FIRING",
      title: "BlackBox Probe Failure: https://server.example.org",
      severity: "critical",
      source: "io.prometheus.alertmanager",
      timestamp: new Date("2023-02-06T13:08:45.828Z"),
    });
    expect(alert.summary).toContain("Instance https://server.example.org has been down for over 5m.");
    expect(alert.summary).toContain("Labels: alertname=ProbeFailure, instance=https://server.example.org, job=http_checks");
    expect(alert.links[0]).toEqual({
      title: "Prometheus graph",
      url: "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0\\u0026g0.tab=1",
    });
    const silence = alert.links.find((l) => l.title === "Silence in Alertmanager");
    expect(silence?.url.startsWith("http://prometheus.example.org:9093/#/silences/new?filter=")).toBe(true);
    expect(decodeURIComponent(silence!.url.split("filter=")[1])).toBe(
      '{alertname="ProbeFailure",instance="https://server.example.org",job="http_checks",monitor="master",severity="critical"}',
    );
  });

  it("makes each alert of a group its own alert, with its own status, and the envelope with only that alert as raw", () => {
    const body = alertFixture("alertmanager", "group-firing-and-resolved");
    const alerts = parseAlertmanager(body, received);
    expect(alerts.map((a) => [a.fingerprint, a.status, a.title])).toEqual([
      ["5f0b7e4a9c1d2e3f", "FIRING", "High request latency on checkout-1.example.com:8080"],
      ["9a8b7c6d5e4f3a2b", "RESOLVED", "High request latency on checkout-2.example.com:8080"],
    ]);
    for (const [i, a] of alerts.entries()) {
      const raw = a.raw as { alerts: unknown[]; groupKey: string; receiver: string };
      expect(raw.alerts).toEqual([(body.alerts as unknown[])[i]]);
      expect(raw.groupKey).toBe(body.groupKey);
      expect(raw.receiver).toBe("incident-manager");
    }
    expect(alerts[0].links.map((l) => l.title)).toEqual(["Prometheus graph", "Silence in Alertmanager", "Runbook"]);
    expect(alerts[0].links[2].url).toBe("https://runbooks.example.com/checkout/high-latency");
    expect(alerts[0].severity).toBe("warning");
    expect(alerts[1].timestamp).toEqual(new Date("2024-03-04T08:55:00.000Z"));
    // The input is not changed: the group's raw still has both alerts.
    expect((body.alerts as unknown[]).length).toBe(2);
  });

  it("hashes the labels when an older Alertmanager sends no fingerprint, whatever their order", () => {
    const body = alertFixture("alertmanager", "test-no-fingerprint");
    const [alert] = parseAlertmanager(body, received);
    expect(alert.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(alert.title).toBe("Test on localhost:9090 (job prometheus24)");
    expect(alert.summary?.startsWith("some description")).toBe(true);

    const labels = (body.alerts as { labels: Record<string, string> }[])[0].labels;
    const reversed = Object.fromEntries(Object.entries(labels).reverse());
    const again = structuredClone(body);
    (again.alerts as { labels: Record<string, string> }[])[0].labels = reversed;
    expect(Object.keys(reversed)).not.toEqual(Object.keys(labels));
    expect(parseAlertmanager(again, received)[0].fingerprint).toBe(alert.fingerprint);

    const other = structuredClone(body);
    (other.alerts as { labels: Record<string, string> }[])[0].labels.instance = "localhost:9091";
    expect(parseAlertmanager(other, received)[0].fingerprint).not.toBe(alert.fingerprint);
  });

  it("takes a firing alert's time from startsAt, and the receive time when it gives none", () => {
    const body = alertFixture("alertmanager", "probe-failure");
    delete (body.alerts as Record<string, unknown>[])[0].startsAt;
    expect(parseAlertmanager(body, received)[0].timestamp).toEqual(received);
  });

  it("falls back to the envelope's status for an alert without its own", () => {
    const body = alertFixture("alertmanager", "probe-failure");
    body.status = "resolved";
    delete (body.alerts as Record<string, unknown>[])[0].status;
    expect(parseAlertmanager(body, received)[0].status).toBe("RESOLVED");
  });

  it("cuts a long summary annotation to the model's title limit and keeps it whole in the summary", () => {
    const body = alertFixture("alertmanager", "probe-failure");
    const long = `Disk ${"very ".repeat(100)}full`;
    (body.alerts as { annotations: Record<string, string> }[])[0].annotations.summary = long;
    const [alert] = parseAlertmanager(body, received);
    expect(alert.title.length).toBe(ALERT_LIMITS.title);
    expect(alert.title.endsWith("…")).toBe(true);
    expect(alert.summary).toContain(long);
  });

  it("keeps a title on one line", () => {
    const body = alertFixture("alertmanager", "probe-failure");
    (body.alerts as { annotations: Record<string, string> }[])[0].annotations.summary = "  Disk\nfull\t on db-1 ";
    expect(parseAlertmanager(body, received)[0].title).toBe("Disk full on db-1");
  });

  it("drops links that aren't http(s) or are longer than the model's URL limit, and keeps the alert", () => {
    const body = alertFixture("alertmanager", "probe-failure");
    const alert = (body.alerts as Record<string, unknown>[])[0];
    alert.generatorURL = "javascript:alert(1)";
    (alert.annotations as Record<string, string>).runbook_url = `https://runbooks.example.com/${"x".repeat(ALERT_LIMITS.url)}`;
    (alert.annotations as Record<string, string>).dashboard_url = "not a url";
    body.externalURL = "ftp://alertmanager.example.com";
    expect(parseAlertmanager(body, received)[0].links).toEqual([]);
  });

  it("links a runbook annotation first, and any other *_url annotation after the kind's own links", () => {
    const body = alertFixture("alertmanager", "probe-failure");
    Object.assign((body.alerts as { annotations: Record<string, string> }[])[0].annotations, {
      dashboard_url: "https://grafana.example.org/d/probes",
      runbook: "https://runbooks.example.org/probe-failure",
    });
    expect(parseAlertmanager(body, received)[0].links.map((l) => l.title)).toEqual([
      "Prometheus graph",
      "Silence in Alertmanager",
      "Runbook",
      "Dashboard",
    ]);
  });

  it("ignores an endsAt it cannot read (it only starts and resolves by status)", () => {
    const body = alertFixture("alertmanager", "probe-failure");
    (body.alerts as Record<string, unknown>[])[0].endsAt = "soon";
    expect(parseAlertmanager(body, received)[0].status).toBe("FIRING");
  });

  it("uses a fixed source the model accepts", () => {
    expect(isCustomSource(ALERTMANAGER_SOURCE)).toBe(true);
  });

  it.each([
    ["a list", [], /must be a JSON object.*got an array/],
    ["text", "firing", /must be a JSON object.*got a string/],
    ["null", null, /must be a JSON object.*got null/],
    ["no alerts", { version: "4", status: "firing" }, /"alerts" is required/],
    ["alerts not a list", { version: "4", alerts: { a: 1 } }, /"alerts" must be a list; got an object/],
    ["an empty group", { version: "4", alerts: [] }, /"alerts" is empty/],
    ["an alert that is not an object", { version: "4", alerts: ["x"] }, /"alerts\[0\]" must be an object; got a string/],
    ["a bad status", { version: "4", alerts: [{ status: "burning", labels: {} }] }, /"alerts\[0\]\.status" must be "firing" or "resolved"; got "burning"/],
    ["no status at all", { version: "4", alerts: [{ labels: { alertname: "X" } }] }, /"alerts\[0\]\.status" is required/],
    ["labels not an object", { version: "4", alerts: [{ status: "firing", labels: "x" }] }, /"alerts\[0\]\.labels" must be an object of strings/],
    ["a label that is an object", { version: "4", alerts: [{ status: "firing", labels: { a: { b: 1 } } }] }, /"alerts\[0\]\.labels\.a" must be a string; got an object/],
    ["a bad startsAt", { version: "4", alerts: [{ status: "firing", labels: {}, startsAt: "yesterday" }] }, /"alerts\[0\]\.startsAt" must be an ISO 8601 time/],
    ["a fingerprint that is a number", { version: "4", alerts: [{ status: "firing", fingerprint: 12 }] }, /"alerts\[0\]\.fingerprint" must be a string; got a number/],
    ["another version", { version: "5", alerts: [{ status: "firing" }] }, /"version" is "5": this integration reads Alertmanager's webhook format version 4\./],
    ["Grafana's version", { version: "1", alerts: [{ status: "firing" }] }, /use a Grafana integration/],
  ])("refuses %s with a reason in words", (_name, body, message) => {
    expect(() => parseAlertmanager(body, received)).toThrow(UnreadablePayload);
    expect(() => parseAlertmanager(body, received)).toThrow(message);
  });

  it("reads an alert with no labels and no annotations, naming it by its fingerprint", () => {
    const [alert] = parseAlertmanager({ version: "4", alerts: [{ status: "firing", fingerprint: "abc" }] }, received);
    expect(alert).toMatchObject({ title: "Alertmanager alert abc", fingerprint: "abc", links: [], summary: undefined });
  });
});
