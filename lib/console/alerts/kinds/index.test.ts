import { describe, expect, it } from "vitest";
import { alertFixture, alertFixtureNames, type FixtureKind } from "@/test/support/alert-fixtures";
import { ALERT_LIMITS, isCustomSource } from "../limits";
import { ALERT_STATUSES, UnreadablePayload, type AlertKind, type NormalizedAlert } from "../normalized";
import { FINGERPRINT_MAX } from "./read";
import { parseDelivery, triggerRawData } from "./index";

const received = new Date("2024-03-04T10:00:00Z");

const KINDS: [AlertKind, FixtureKind][] = [
  ["ALERTMANAGER", "alertmanager"],
  ["GRAFANA", "grafana"],
  ["PAGERDUTY", "pagerduty"],
  ["GENERIC", "generic"],
];

/** What every alert of every kind must be, whatever the payload said. */
function expectWellFormed(alert: NormalizedAlert) {
  expect(ALERT_STATUSES).toContain(alert.status);
  expect(alert.title.length).toBeGreaterThan(0);
  expect(alert.title.length).toBeLessThanOrEqual(ALERT_LIMITS.title);
  expect(alert.title).not.toMatch(/\n/);
  if (alert.summary !== undefined) expect(alert.summary.length).toBeLessThanOrEqual(ALERT_LIMITS.summary);
  expect(alert.fingerprint.length).toBeGreaterThan(0);
  expect(alert.fingerprint.length).toBeLessThanOrEqual(FINGERPRINT_MAX + "sha256:".length + 64);
  expect(isCustomSource(alert.source)).toBe(true);
  expect(alert.links.length).toBeLessThanOrEqual(ALERT_LIMITS.links);
  for (const link of alert.links) {
    expect(["http:", "https:"]).toContain(new URL(link.url).protocol);
    expect(link.url.length).toBeLessThanOrEqual(ALERT_LIMITS.url);
    expect(link.title.length).toBeGreaterThan(0);
    expect(link.title.length).toBeLessThanOrEqual(ALERT_LIMITS.linkTitle);
  }
  expect(Number.isNaN(alert.timestamp?.getTime())).toBe(false);
  if (alert.severity !== undefined) expect(alert.severity).toBe(alert.severity.toLowerCase());
  const rawData = triggerRawData(alert);
  expect(rawData.length).toBeLessThanOrEqual(ALERT_LIMITS.rawData);
  expect(() => JSON.parse(rawData)).not.toThrow();
}

/** Every value in a JSON tree, by path, to replace one at a time. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function replaced(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  // Removed: a key goes, a list item goes (JSON has no holes).
  if (value === undefined && Array.isArray(node)) node.splice(last as number, 1);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe("parseDelivery", () => {
  it.each(KINDS)("reads every %s fixture into well-formed alerts", (kind, folder) => {
    const names = alertFixtureNames(folder);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const alerts = parseDelivery(kind, alertFixture(folder, name), received);
      expect(alerts.length, name).toBeGreaterThan(0);
      for (const alert of alerts) expectWellFormed(alert);
    }
  });

  it("gives a group's alerts one by one and the others' one alert", () => {
    expect(parseDelivery("ALERTMANAGER", alertFixture("alertmanager", "group-firing-and-resolved"), received)).toHaveLength(2);
    expect(parseDelivery("GRAFANA", alertFixture("grafana", "two-firing"), received)).toHaveLength(2);
    expect(parseDelivery("PAGERDUTY", alertFixture("pagerduty", "trigger"), received)).toHaveLength(1);
    expect(parseDelivery("GENERIC", alertFixture("generic", "firing"), received)).toHaveLength(1);
  });

  it.each(KINDS)("gives %s fingerprints that don't depend on key order", (kind, folder) => {
    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    for (const name of alertFixtureNames(folder)) {
      const body = alertFixture(folder, name);
      const a = parseDelivery(kind, body, received).map((x) => x.fingerprint);
      const b = parseDelivery(kind, reorder(body), received).map((x) => x.fingerprint);
      expect(b, name).toEqual(a);
    }
  });

  // Any one value of a real body replaced by a value of another type (or removed): the parser
  // reads it or refuses it in words — never a TypeError, never a malformed alert.
  it.each(KINDS)("reads or refuses in words every one-value change of the %s fixtures", (kind, folder) => {
    const others = [undefined, null, 0, -1, 1.5, true, "", " ", "x", [], [null], {}, { a: 1 }];
    let refused = 0;
    let read = 0;
    for (const name of alertFixtureNames(folder)) {
      const body = alertFixture(folder, name);
      for (const path of paths(body)) {
        for (const value of others) {
          const changed = replaced(body, path, value);
          let alerts: NormalizedAlert[] | undefined;
          try {
            alerts = parseDelivery(kind, changed, received);
          } catch (e) {
            expect(e, `${name} ${path.join(".")} = ${JSON.stringify(value)}`).toBeInstanceOf(UnreadablePayload);
            expect((e as Error).message.length).toBeGreaterThan(10);
            refused++;
            continue;
          }
          for (const alert of alerts) expectWellFormed(alert);
          read++;
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
  });

  it.each(KINDS)("refuses a %s body that is not an object", (kind) => {
    for (const body of [undefined, null, 1, "text", [], [{}], true]) {
      expect(() => parseDelivery(kind, body, received)).toThrow(UnreadablePayload);
    }
  });
});
