// Timeline exports: every event in time order, CSV escaped (quotes, commas, newlines, formulas),
// Markdown and JSON carrying what the timeline says.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { exportTimeline, toCsv, toJson, toMarkdown } from "@/components/timeline/export-timeline";
import type { TimelineEventDto } from "@/lib/console/timeline/dto";

const incident = { arn: "arn:aws:ssm-incidents::000000000000:incident-record/db/abc123", title: "DB *down*" };

const ev = (id: string, time: string, type: string, data: string, extra: Partial<TimelineEventDto> = {}): TimelineEventDto => ({
  id,
  time,
  updatedTime: time,
  type,
  data,
  references: [],
  order: Number(id),
  ...extra,
});

// Deliberately out of order: exports sort by time.
const events = [
  ev("3", "2024-05-01T12:00:00.000Z", "Note", JSON.stringify('He said "roll back", then left\nsecond line')),
  ev("1", "2024-05-01T10:00:00.000Z", "SSM Incident Record Update", JSON.stringify({ modifiedBy: "arn:aws:iam::0:user/ana@example.com", modifiedAttributes: [{ attributeName: "impact", previousValue: 3, newValue: 1 }] })),
  ev("2", "2024-05-01T11:00:00.000Z", "Custom Event", JSON.stringify("=HYPERLINK(\"http://evil\")")),
];

describe("timeline exports", () => {
  it("CSV: a header, one row per event oldest first, escaped so a parser reads the text back", () => {
    const csv = toCsv(events);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(["eventTime", "eventType", "description", "eventId", "eventUpdatedTime", "eventData", "author", "editedBy", "editedAt"]);
    expect(rows.map((r) => r[3])).toEqual(["1", "2", "3"]);
    expect(rows[0][2]).toBe("Incident updated by ana@example.com\nImpact changed from 3 Medium to 1 Critical");
    expect(rows[2][2]).toBe('He said "roll back", then left\nsecond line');
    // A formula a person typed stays text in a spreadsheet.
    expect(rows[1][2].startsWith("'=")).toBe(true);
  });

  it("CSV: a formula stays text also when its cell goes on past a newline", () => {
    const notes = ["=HYPERLINK(\"http://evil\")\nand a second line", "+1\n2", "@SUM(A1)\r\nx", "-2\n", "\t=1\n"];
    const csv = toCsv(notes.map((n, i) => ev(String(i), `2024-05-01T1${i}:00:00.000Z`, "Note", JSON.stringify(n))));
    const [, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows.map((r) => r[2])).toEqual(notes.map((n) => `'${n}`));
  });

  it("Markdown: a heading per event in UTC, people's text quoted with Markdown escaped", () => {
    const md = toMarkdown(incident, events);
    expect(md).toContain("# Timeline: DB \\*down\\*");
    const order = ["2024-05-01 10:00:00 UTC", "2024-05-01 11:00:00 UTC", "2024-05-01 12:00:00 UTC"].map((h) => md.indexOf(h));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    expect(md).toContain("- Impact changed from 3 Medium to 1 Critical");
    expect(md).toContain("> second line");
  });

  it("JSON: every event with its raw data and description", () => {
    const json = JSON.parse(toJson(incident, events));
    expect(json.incidentRecordArn).toBe(incident.arn);
    expect(json.events.map((e: { eventId: string }) => e.eventId)).toEqual(["1", "2", "3"]);
    expect(json.events[2]).toMatchObject({ eventType: "Note", editable: true, eventTime: "2024-05-01T12:00:00.000Z" });
  });

  it("lists events of one time in the order they were written, not by id (issue 16)", () => {
    const t = "2024-05-01T10:00:00.000Z";
    // Ids that sort the other way round from the order the service gave.
    const tied = [ev("z", t, "Note", '"first"', { order: 0 }), ev("a", t, "Note", '"second"', { order: 1 }), ev("m", t, "Note", '"third"', { order: 2 })];
    const shuffled = [tied[2], tied[0], tied[1]];
    const [, ...rows] = Papa.parse<string[]>(toCsv(shuffled), { skipEmptyLines: true }).data;
    expect(rows.map((r) => r[2])).toEqual(["first", "second", "third"]);
    const md = toMarkdown(incident, shuffled);
    expect(md.indexOf("> first")).toBeLessThan(md.indexOf("> second"));
    expect(md.indexOf("> second")).toBeLessThan(md.indexOf("> third"));
    expect(JSON.parse(toJson(incident, shuffled)).events.map((e: { eventId: string }) => e.eventId)).toEqual(["z", "a", "m"]);
  });

  it("names each event's author and last editor: people's as recorded, automatic ones from their data", () => {
    const note = ev("5", "2024-05-01T13:00:00.000Z", "Note", '"checked the logs"', {
      author: { createdBy: "arn:aws:iam::0:user/ana@example.com", updatedBy: "arn:aws:iam::0:user/bob@example.com", updatedAt: "2024-05-01T13:05:00.000Z" },
    });
    const unknown = ev("6", "2024-05-01T14:00:00.000Z", "Note", '"from elsewhere"');
    const all = [...events, note, unknown];
    const [, ...rows] = Papa.parse<string[]>(toCsv(all), { skipEmptyLines: true }).data;
    const byId = Object.fromEntries(rows.map((r) => [r[3], r.slice(6)]));
    expect(byId["1"]).toEqual(["ana@example.com", "", ""]);
    expect(byId["5"]).toEqual(["ana@example.com", "bob@example.com", "2024-05-01T13:05:00.000Z"]);
    expect(byId["6"]).toEqual(["", "", ""]);
    const md = toMarkdown(incident, all);
    expect(md).toContain("_Added by ana@example.com; edited by bob@example.com at 2024-05-01 13:05:00 UTC_");
    expect(md).toContain("_Author not recorded_");
    const json = JSON.parse(toJson(incident, all));
    expect(json.events.find((e: { eventId: string }) => e.eventId === "5")).toMatchObject({ author: "ana@example.com", editedBy: "bob@example.com" });
  });

  it("names the file after the incident", () => {
    expect(exportTimeline("csv", incident, events).filename).toBe("incident-abc123-timeline.csv");
    expect(exportTimeline("markdown", incident, events).mimeType).toMatch(/^text\/markdown/);
  });
});
