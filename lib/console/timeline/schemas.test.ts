// The Add event form's times (issue 16): "now" to the second in the field, and a time the
// responder left alone is the server's receive time, to the millisecond.
import { describe, expect, it } from "vitest";
import { isoToLocal, localToIso } from "./local-time";
import { timelineEventActionSchema, toCreateTimelineEventInput } from "./schemas";

const arn = "arn:aws:ssm-incidents::000000000000:incident-record/p/1";

describe("timeline event times", () => {
  it("shows a time to the second and reads it back to the second", () => {
    const at = "2024-02-01T14:15:42.789Z";
    const local = isoToLocal(at);
    expect(local).toMatch(/T\d{2}:\d{2}:42$/);
    expect(localToIso(local)).toBe("2024-02-01T14:15:42.000Z");
  });

  it("stamps an event whose time wasn't chosen with the time the server received it", () => {
    const receivedAt = new Date("2024-02-01T14:15:42.789Z");
    expect(toCreateTimelineEventInput({ arn, eventType: "Note", text: " hi " }, receivedAt)).toEqual({
      incidentRecordArn: arn,
      eventType: "Note",
      eventTime: receivedAt,
      eventData: JSON.stringify("hi"),
    });
    expect(toCreateTimelineEventInput({ arn, eventType: "Note", text: "hi", eventTime: "2024-01-01T00:00:05.000Z" }, receivedAt).eventTime).toEqual(
      new Date("2024-01-01T00:00:05.000Z"),
    );
  });

  it("takes the action's input with or without a time, and refuses a time that isn't one", () => {
    expect(timelineEventActionSchema.safeParse({ arn, eventType: "Note", text: "hi" }).success).toBe(true);
    expect(timelineEventActionSchema.safeParse({ arn, eventType: "Note", text: "hi", eventTime: "2024-01-01T00:00:05.000Z" }).success).toBe(true);
    const bad = timelineEventActionSchema.safeParse({ arn, eventType: "Note", text: "hi", eventTime: "yesterday" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toContain("eventTime");
  });
});
