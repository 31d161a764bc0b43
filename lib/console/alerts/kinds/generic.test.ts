import { describe, expect, it } from "vitest";
import { alertFixture } from "@/test/support/alert-fixtures";
import { ALERT_LIMITS, isCustomSource } from "../limits";
import { UnreadablePayload } from "../normalized";
import { GENERIC_SOURCE, parseGeneric } from "./generic";

const received = new Date("2024-03-04T10:00:00Z");

describe("generic JSON", () => {
  it("reads a full firing alert", () => {
    const [alert] = parseGeneric(alertFixture("generic", "firing"), received);
    expect(alert).toEqual({
      fingerprint: "checkout-5xx",
      status: "FIRING",
      title: "Checkout error rate above 5%",
      summary: "5xx responses are 7.2% of checkout requests over the last 10 minutes.",
      severity: "high",
      impact: 2,
      links: [
        { title: "Error dashboard", url: "https://grafana.example.com/d/checkout-errors" },
        { title: "runbooks.example.com", url: "https://runbooks.example.com/checkout/5xx" },
      ],
      source: "console.alerts.generic",
      timestamp: new Date("2024-03-04T09:12:30Z"),
      raw: alertFixture("generic", "firing"),
    });
  });

  it("resolves the alert its dedupeKey names", () => {
    expect(parseGeneric(alertFixture("generic", "resolved"), received)[0]).toMatchObject({ fingerprint: "checkout-5xx", status: "RESOLVED" });
  });

  it("takes only a title: firing, now, fingerprint a hash of the title", () => {
    const [alert] = parseGeneric(alertFixture("generic", "minimal"), received);
    expect(alert).toMatchObject({ status: "FIRING", title: "Nightly backup did not finish", timestamp: received, links: [], impact: undefined });
    expect(alert.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(parseGeneric({ title: "  Nightly backup did not finish " }, received)[0].fingerprint).toBe(alert.fingerprint);
    expect(parseGeneric({ title: "Nightly backup failed" }, received)[0].fingerprint).not.toBe(alert.fingerprint);
  });

  it("cuts a long title to the model's limit and keeps it whole in the summary", () => {
    const title = "t".repeat(ALERT_LIMITS.title + 50);
    const [alert] = parseGeneric({ title, summary: "more" }, received);
    expect(alert.title.length).toBe(ALERT_LIMITS.title);
    expect(alert.summary).toBe(`${title}\n\nmore`);
  });

  it("cuts a long summary to the model's limit", () => {
    const [alert] = parseGeneric({ title: "t", summary: "s".repeat(ALERT_LIMITS.summary * 2) }, received);
    expect(alert.summary?.length).toBe(ALERT_LIMITS.summary);
  });

  it("reads status in any case", () => {
    expect(parseGeneric({ title: "t", status: "RESOLVED" }, received)[0].status).toBe("RESOLVED");
  });

  it("uses a fixed source the model accepts", () => {
    expect(isCustomSource(GENERIC_SOURCE)).toBe(true);
  });

  it.each([
    ["a list", [{ title: "t" }], /must be a JSON object .*got an array/],
    ["a number", 42, /must be a JSON object .*got a number \(42\)/],
    ["no title", { status: "firing" }, /"title" is required/],
    ["a blank title", { title: "  " }, /"title" must not be blank/],
    ["a title that is not text", { title: { text: "x" } }, /"title" must be a string; got an object/],
    ["an unknown status", { title: "t", status: "open" }, /"status" must be "firing" or "resolved"; got "open"/],
    ["impact 0", { title: "t", impact: 0 }, /"impact" must be a whole number from 1 \(critical\) to 5 \(no impact\); got a number \(0\)/],
    ["impact 2.5", { title: "t", impact: 2.5 }, /"impact" must be a whole number/],
    ["impact as text", { title: "t", impact: "2" }, /"impact" must be a whole number .*got a string/],
    ["a dedupeKey over 255 characters", { title: "t", dedupeKey: "k".repeat(256) }, /"dedupeKey" must be at most 255 characters; got 256/],
    ["links that are not a list", { title: "t", links: "https://x" }, /"links" must be a list/],
    ["a bad timestamp", { title: "t", timestamp: "tomorrow" }, /"timestamp" must be an ISO 8601 time/],
  ])("refuses %s with a reason in words", (_name, body, message) => {
    expect(() => parseGeneric(body, received)).toThrow(UnreadablePayload);
    expect(() => parseGeneric(body, received)).toThrow(message);
  });

  it("drops bad links and keeps good ones", () => {
    const [alert] = parseGeneric(
      {
        title: "t",
        links: [
          "file:///etc/passwd",
          { title: "no url" },
          7,
          { title: "ok", url: "http://example.com/a" },
          { title: "again", url: "http://example.com/a" },
          `https://example.com/${"x".repeat(ALERT_LIMITS.url)}`,
        ],
      },
      received,
    );
    expect(alert.links).toEqual([{ title: "ok", url: "http://example.com/a" }]);
  });

  it("keeps at most as many links as StartIncident takes related items", () => {
    const links = Array.from({ length: ALERT_LIMITS.links + 10 }, (_, i) => `https://example.com/${i}`);
    expect(parseGeneric({ title: "t", links }, received)[0].links).toHaveLength(ALERT_LIMITS.links);
  });
});
