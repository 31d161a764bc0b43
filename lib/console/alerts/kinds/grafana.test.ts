import { describe, expect, it } from "vitest";
import { alertFixture } from "@/test/support/alert-fixtures";
import { isCustomSource } from "../limits";
import { UnreadablePayload } from "../normalized";
import { GRAFANA_SOURCE, parseGrafana } from "./grafana";

const received = new Date("2024-03-04T10:00:00Z");

describe("Grafana Alerting webhook", () => {
  it("reads the documented body: one alert per alert, Grafana's links, its values in the summary", () => {
    const body = alertFixture("grafana", "two-firing");
    const alerts = parseGrafana(body, received);
    expect(alerts.map((a) => [a.fingerprint, a.status, a.title])).toEqual([
      ["c6eadffa33fcdf37", "FIRING", "This alert was triggered for zone us-1"],
      ["bc97ff14869b13e3", "FIRING", "This alert was triggered for zone eu-1"],
    ]);
    const [memory] = alerts;
    expect(memory.source).toBe("com.grafana.alerting");
    expect(memory.timestamp).toEqual(new Date("2021-10-12T07:51:03.157Z"));
    expect(memory.summary).toBe(
      "The system has high memory usage\n\nValues: B=44.23943737541908, C=1\n\nLabels: alertname=High memory usage, team=blue, zone=us-1",
    );
    // Empty dashboardURL and panelURL make no link.
    expect(memory.links).toEqual([
      { title: "Grafana alert rule", url: "https://play.grafana.org/alerting/1afz29v7z/edit" },
      {
        title: "Silence in Grafana",
        url: "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
      },
      { title: "Runbook", url: "https://myrunbook.com/runbook/1234" },
    ]);
    const raw = memory.raw as Record<string, unknown>;
    expect(raw.alerts).toEqual([(body.alerts as unknown[])[0]]);
    expect(raw).toMatchObject({ orgId: 1, title: "[FIRING:2]  (blue)", state: "alerting", groupKey: "{}:{}" });
  });

  it("reads Grafana 9's valueString", () => {
    const alerts = parseGrafana(alertFixture("grafana", "value-string-v9"), received);
    expect(alerts[1].summary).toContain("Values: [ metric='' labels={} value=47043.702386305304 ]");
  });

  it("links the dashboard, the panel and the screenshot when Grafana sends them", () => {
    const body = alertFixture("grafana", "two-firing");
    Object.assign((body.alerts as Record<string, unknown>[])[0], {
      dashboardURL: "https://play.grafana.org/d/abc",
      panelURL: "https://play.grafana.org/d/abc?viewPanel=2",
      imageURL: "https://play.grafana.org/public/img/attachments/x.png",
    });
    expect(parseGrafana(body, received)[0].links.map((l) => l.title)).toEqual([
      "Grafana alert rule",
      "Grafana dashboard",
      "Grafana panel",
      "Grafana panel screenshot",
      "Silence in Grafana",
      "Runbook",
    ]);
  });

  it("reads a resolved alert", () => {
    const body = alertFixture("grafana", "two-firing");
    body.status = "resolved";
    Object.assign((body.alerts as Record<string, unknown>[])[1], { status: "resolved", endsAt: "2021-10-12T10:06:03.157076+02:00" });
    expect(parseGrafana(body, received).map((a) => a.status)).toEqual(["FIRING", "RESOLVED"]);
  });

  it("uses a fixed source the model accepts", () => {
    expect(isCustomSource(GRAFANA_SOURCE)).toBe(true);
  });

  it.each([
    ["a list", [], /must be a JSON object \(a Grafana Alerting webhook\); got an array/],
    [
      "a legacy dashboard alert",
      { title: "[Alerting] Panel Title alert", ruleId: 1, ruleName: "Panel Title alert", state: "alerting", evalMatches: [] },
      /legacy Grafana dashboard alert/,
    ],
    ["no alerts", { receiver: "x", status: "firing", orgId: 1 }, /"alerts" is required: Grafana sends/],
    ["an empty group", { alerts: [] }, /"alerts" is empty/],
    ["a bad valueString", { alerts: [{ status: "firing", valueString: 3 }] }, /"alerts\[0\]\.valueString" must be a string/],
  ])("refuses %s with a reason in words", (_name, body, message) => {
    expect(() => parseGrafana(body, received)).toThrow(UnreadablePayload);
    expect(() => parseGrafana(body, received)).toThrow(message);
  });
});
