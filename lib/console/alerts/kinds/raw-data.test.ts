import { describe, expect, it } from "vitest";
import { alertFixture } from "@/test/support/alert-fixtures";
import { ALERT_LIMITS } from "../limits";
import type { NormalizedAlert } from "../normalized";
import { parseDelivery } from "./index";
import { fitJson, triggerRawData } from "./raw-data";

const received = new Date("2024-03-04T10:00:00Z");
const MAX = ALERT_LIMITS.rawData;

const withRaw = (raw: unknown): NormalizedAlert => ({ fingerprint: "f", status: "FIRING", title: "t", links: [], source: "s", raw });

describe("triggerRawData", () => {
  it("is the raw payload's JSON when it fits", () => {
    const [alert] = parseDelivery("ALERTMANAGER", alertFixture("alertmanager", "probe-failure"), received);
    expect(JSON.parse(triggerRawData(alert))).toEqual(alert.raw);
  });

  it("keeps one alert of a group, not the group", () => {
    const [, resolved] = parseDelivery("ALERTMANAGER", alertFixture("alertmanager", "group-firing-and-resolved"), received);
    const raw = JSON.parse(triggerRawData(resolved)) as { alerts: { fingerprint: string }[] };
    expect(raw.alerts.map((a) => a.fingerprint)).toEqual(["9a8b7c6d5e4f3a2b"]);
  });

  it("fits a huge payload within the model's rawData limit, keeping its keys and the start of each value", () => {
    const body = alertFixture("pagerduty", "trigger");
    (body.payload as Record<string, unknown>).custom_details = { stack: "at frame\n".repeat(20_000), host: "db-1" };
    const [alert] = parseDelivery("PAGERDUTY", body, received);
    const text = triggerRawData(alert);
    expect(JSON.stringify(alert.raw).length).toBeGreaterThan(MAX * 10);
    expect(text.length).toBeLessThanOrEqual(MAX);
    const kept = JSON.parse(text) as { event_action: string; dedup_key: string; payload: { summary: string; custom_details: Record<string, string> } };
    expect(kept.event_action).toBe("trigger");
    expect(kept.dedup_key).toBe("samplekeyhere");
    expect(kept.payload.summary).toBe("Example alert on host1.example.com");
    expect(kept.payload.custom_details.host).toBe("db-1");
    expect(kept.payload.custom_details.stack).toMatch(/^at frame\n.*… \(180000 characters\)$/s);
  });

  it("cuts the smallest part that is enough when cutting values is not, keeping its first entries", () => {
    const labels = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`label_${i}`, `value_${i}`]));
    const body = { version: "4", status: "firing", receiver: "r", commonLabels: labels, alerts: [{ status: "firing", labels: { alertname: "Big" }, fingerprint: "abc" }] };
    const [alert] = parseDelivery("ALERTMANAGER", body, received);
    const text = triggerRawData(alert);
    expect(text.length).toBeLessThanOrEqual(MAX);
    const kept = JSON.parse(text) as { commonLabels: Record<string, string>; alerts: { fingerprint: string; labels: Record<string, string> }[]; receiver: string };
    expect(kept.commonLabels.label_0).toBe("value_0");
    expect(kept.commonLabels["…"]).toMatch(/^\(\d+ more entries left out\)$/);
    expect(kept.alerts[0]).toMatchObject({ fingerprint: "abc", labels: { alertname: "Big" } });
    expect(kept.receiver).toBe("r");
  });

  it("keeps the head of a long list, with how many items are left out, when no one part is enough", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `line ${i} of a long log`);
    const text = fitJson({ event: "deploy", lines: many }, 1000);
    expect(text.length).toBeLessThanOrEqual(1000);
    const kept = JSON.parse(text) as { event: string; lines: string[] };
    expect(kept.event).toBe("deploy");
    expect(kept.lines.slice(0, 2)).toEqual(["line 0 of a long log", "line 1 of a long log"]);
    expect(kept.lines[kept.lines.length - 1]).toMatch(/^\(\d+ more items left out\)$/);
  });

  it("keeps the first entries of an object with too many, with how many are left out", () => {
    const labels = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`label_${i}`, `value_${i}`]));
    const kept = JSON.parse(fitJson(labels, 500)) as Record<string, string>;
    expect(kept.label_0).toBe("value_0");
    expect(kept["…"]).toMatch(/^\(\d+ more entries left out\)$/);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(500);
  });

  it("keeps an excerpt of text that escapes long within the limit", () => {
    const text = fitJson({ s: '"\\'.repeat(50_000) }, 300);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it("says null for a payload that is nothing", () => {
    expect(triggerRawData(withRaw(undefined))).toBe("null");
  });
});
