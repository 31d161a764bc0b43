import { describe, expect, it } from "vitest";
import { alertFixture } from "@/test/support/alert-fixtures";
import { ALERT_LIMITS, isCustomSource } from "../limits";
import { UnreadablePayload } from "../normalized";
import {
  InvalidPagerDutyEvent,
  PAGERDUTY_SOURCE,
  generatedDedupKey,
  pagerDutyAcceptedBody,
  pagerDutyEventErrors,
  pagerDutyInvalidBody,
  parsePagerDuty,
} from "./pagerduty";

const received = new Date("2024-03-04T10:00:00Z");

describe("PagerDuty Events API v2", () => {
  it("reads the documented trigger", () => {
    const [alert] = parsePagerDuty(alertFixture("pagerduty", "trigger"), received);
    expect(alert).toMatchObject({
      fingerprint: "samplekeyhere",
      status: "FIRING",
      title: "Example alert on host1.example.com",
      severity: "info",
      source: "com.pagerduty.events",
      timestamp: new Date("2015-07-17T08:42:58.315Z"),
    });
    expect(alert.summary).toBe(
      [
        "Source: monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003\nComponent: postgres\nGroup: prod-datapipe\nClass: deploy",
        "Details:\nping time: 1500ms\nload avg: 0.75",
      ].join("\n\n"),
    );
    expect(alert.links).toEqual([
      { title: "Link text", url: "https://example.com/" },
      { title: "Sample Monitoring Service", url: "https://monitoring.example.com" },
    ]);
  });

  it("reads the OpenAPI document's trigger, with its image linked", () => {
    const [alert] = parsePagerDuty(alertFixture("pagerduty", "trigger-openapi"), received);
    expect(alert).toMatchObject({ fingerprint: "srv01/mysql", severity: "critical", title: "DISK at 99% on machine prod-datapipe03.example.com" });
    expect(alert.links.map((l) => l.title)).toEqual(["An example link.", "An example link with an image", "Sample Monitoring Service"]);
  });

  it("maps acknowledge and resolve onto the alert their dedup_key names", () => {
    const [ack] = parsePagerDuty(alertFixture("pagerduty", "acknowledge"), received);
    const [resolve] = parsePagerDuty(alertFixture("pagerduty", "resolve"), received);
    expect(ack).toMatchObject({ fingerprint: "dedupkeyhere", status: "ACKNOWLEDGED", title: "dedupkeyhere", timestamp: received, links: [] });
    expect(resolve).toMatchObject({ fingerprint: "dedupkeyhere", status: "RESOLVED" });
  });

  it("never keeps the routing key (the integration's token) in the raw payload", () => {
    for (const name of ["trigger", "acknowledge", "resolve"]) {
      const [alert] = parsePagerDuty(alertFixture("pagerduty", name), received);
      expect(JSON.stringify(alert.raw)).not.toContain("routing_key");
    }
  });

  it("gives a trigger without a dedup_key a UUID the intake returns, the same for the same delivery", () => {
    const body = alertFixture("pagerduty", "trigger");
    delete body.dedup_key;
    const [alert] = parsePagerDuty(body, received);
    expect(alert.fingerprint).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(alert.fingerprint).toBe(generatedDedupKey(body, received));
    expect(parsePagerDuty(structuredClone(body), received)[0].fingerprint).toBe(alert.fingerprint);
    // The key doesn't depend on the token, and a later trigger is a new alert, as in PagerDuty.
    expect(parsePagerDuty({ ...body, routing_key: "another" }, received)[0].fingerprint).toBe(alert.fingerprint);
    expect(parsePagerDuty(body, new Date(received.getTime() + 1))[0].fingerprint).not.toBe(alert.fingerprint);
    expect(pagerDutyAcceptedBody(alert.fingerprint)).toEqual({ status: "success", message: "Event processed", dedup_key: alert.fingerprint });
  });

  it("cuts a 1024-character summary to the model's title limit", () => {
    const body = alertFixture("pagerduty", "trigger");
    (body.payload as Record<string, unknown>).summary = "x".repeat(1024);
    const [alert] = parsePagerDuty(body, received);
    expect(alert.title.length).toBe(ALERT_LIMITS.title);
    expect(alert.summary?.startsWith("x".repeat(1024))).toBe(true);
  });

  it("uses a fixed source the model accepts, not the payload's source", () => {
    expect(isCustomSource(PAGERDUTY_SOURCE)).toBe(true);
    const body = alertFixture("pagerduty", "trigger");
    (body.payload as Record<string, unknown>).source = "aws.ec2";
    expect(parsePagerDuty(body, received)[0].source).toBe(PAGERDUTY_SOURCE);
  });

  describe("invalid events, answered as PagerDuty answers them", () => {
    const trigger = () => alertFixture("pagerduty", "trigger");
    const cases: [string, unknown, string[]][] = [
      ["a list", [], ["Event object must be a JSON object; got an array"]],
      ["no routing key", { ...trigger(), routing_key: undefined }, ["'routing_key' is missing or blank"]],
      ["no event action", { ...trigger(), event_action: " " }, ["'event_action' is missing or blank"]],
      [
        "an unknown event action",
        { ...trigger(), event_action: "close" },
        ["'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')"],
      ],
      ["an acknowledge without dedup_key", { routing_key: "k", event_action: "acknowledge" }, ["'dedup_key' is missing or blank"]],
      ["a resolve with a blank dedup_key", { routing_key: "k", event_action: "resolve", dedup_key: "" }, ["'dedup_key' is missing or blank"]],
      [
        "a dedup_key over 255 characters",
        { ...trigger(), dedup_key: "k".repeat(256) },
        ["Length of 'dedup_key' is incorrect (should be at most 255 characters)"],
      ],
      ["a dedup_key that is a number", { ...trigger(), dedup_key: 7 }, ["'dedup_key' must be a string; got a number (7)"]],
      ["a trigger without payload", { routing_key: "k", event_action: "trigger" }, ["'payload' is missing or blank"]],
      ["a payload that is a list", { routing_key: "k", event_action: "trigger", payload: [] }, ["'payload' must be an object; got an array"]],
      [
        "a payload missing its required fields",
        { routing_key: "k", event_action: "trigger", payload: {} },
        ["'payload.summary' is missing or blank", "'payload.source' is missing or blank", "'payload.severity' is missing or blank"],
      ],
      [
        "a summary over 1024 characters",
        { ...trigger(), payload: { summary: "s".repeat(1025), source: "h", severity: "info" } },
        ["Length of 'payload.summary' is incorrect (should be at most 1024 characters)"],
      ],
      [
        "an unknown severity",
        { ...trigger(), payload: { summary: "s", source: "h", severity: "high" } },
        ["'payload.severity' is invalid (must be one of the following: 'critical', 'error', 'warning' or 'info')"],
      ],
      [
        "a bad timestamp",
        { ...trigger(), payload: { summary: "s", source: "h", severity: "info", timestamp: "noon" } },
        ["'payload.timestamp' is invalid (must be an ISO 8601 time such as 2015-07-17T08:42:58.315+0000)"],
      ],
    ];

    it.each(cases)("%s", (_name, body, errors) => {
      expect(pagerDutyEventErrors(body)).toEqual(errors);
      let thrown: unknown;
      try {
        parsePagerDuty(body, received);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(UnreadablePayload);
      expect(thrown).toBeInstanceOf(InvalidPagerDutyEvent);
      expect((thrown as InvalidPagerDutyEvent).errors).toEqual(errors);
      expect((thrown as Error).message).toBe(`The PagerDuty event is invalid: ${errors.join("; ")}.`);
    });

    it("has PagerDuty's 400 body", () => {
      expect(pagerDutyInvalidBody(["'payload.summary' is missing or blank"])).toEqual({
        status: "invalid event",
        message: "Event object is invalid",
        errors: ["'payload.summary' is missing or blank"],
      });
    });

    it("finds none in the documented events", () => {
      for (const name of ["trigger", "trigger-openapi", "acknowledge", "resolve"]) expect(pagerDutyEventErrors(alertFixture("pagerduty", name))).toEqual([]);
    });

    it("ignores an acknowledge's or resolve's payload, as PagerDuty does, but reads it when it can", () => {
      const body = { routing_key: "k", event_action: "resolve", dedup_key: "d", payload: { summary: "Disk fine again", timestamp: "later" } };
      expect(pagerDutyEventErrors(body)).toEqual([]);
      expect(parsePagerDuty(body, received)[0]).toMatchObject({ title: "Disk fine again", timestamp: received });
    });

    it("drops malformed links and images instead of refusing the event", () => {
      const body = { ...trigger(), links: [{ text: "no href" }, "x", { href: "mailto:a@b.c" }], images: {}, client_url: 3 };
      expect(parsePagerDuty(body, received)[0].links).toEqual([]);
    });
  });
});
