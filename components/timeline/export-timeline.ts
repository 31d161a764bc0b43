// The timeline as a file: Markdown for a post-incident report, CSV for a spreadsheet, JSON for
// tools. Every event of the incident goes in (not the page on screen), oldest first, times in UTC.
import Papa from "papaparse";
import { byEventTime, type TimelineEventDto } from "@/lib/console/timeline/dto";
import { principalName } from "@/lib/console/core/names";
import { describeEvent, eventAuthor } from "./describe-event";

export type ExportFormat = "markdown" | "csv" | "json";

export type TimelineExport = { filename: string; mimeType: string; content: string };

type IncidentRef = { arn: string; title: string };

const EXTENSIONS: Record<ExportFormat, { ext: string; mimeType: string }> = {
  markdown: { ext: "md", mimeType: "text/markdown;charset=utf-8" },
  csv: { ext: "csv", mimeType: "text/csv;charset=utf-8" },
  json: { ext: "json", mimeType: "application/json;charset=utf-8" },
};

/** Events in the timeline's order (time, then the order they were written: issue 16), in words, with their authors. */
function rows(events: TimelineEventDto[]) {
  return [...events].sort(byEventTime).map((e) => {
    const view = describeEvent(e);
    const author = eventAuthor(e);
    return {
      event: e,
      view,
      description: [view.text ?? view.summary, ...view.lines].join("\n"),
      author: author.createdBy ? principalName(author.createdBy) : "",
      editedBy: author.updatedBy ? principalName(author.updatedBy) : "",
      editedAt: author.updatedAt ?? "",
    };
  });
}

/** "2024-05-01 10:00:00 UTC". */
const utc = (iso: string) => `${iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "")} UTC`;

const WORD = /[\p{L}\p{N}]/u;
/** What makes a line a heading (`# `), quote, list item (`- `, `+ `, `1. `), rule or setext underline (`---`, `===`). */
const LINE_START_MARK = /^([ \t]*)(#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|[-=](?=[-= \t]*$)|\d{1,9}(?=[.)](?:[ \t]|$)))/gm;

/**
 * People's text, escaped where Markdown would read it as markup and nowhere else, so the raw file
 * reads as they wrote it (`us-east-1`, `admin@example.com`, `snake_case`) and renders the same:
 * backslashes, code ticks, emphasis stars, links' brackets, HTML's `<`, table pipes,
 * strikethrough tildes and entities everywhere; `_` where it can start or end emphasis (not
 * inside a word, CommonMark §6.2); a line's start that would make a heading, quote, list item,
 * rule or setext underline.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<|~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&")
    .replace(/_/g, (_m, at: number, all: string) => (WORD.test(all[at - 1] ?? "") && WORD.test(all[at + 1] ?? "") ? "_" : "\\_"))
    .replace(LINE_START_MARK, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

export function toMarkdown(incident: IncidentRef, events: TimelineEventDto[]): string {
  const out = [`# Timeline: ${escapeMarkdown(incident.title)}`, "", `Incident: \`${incident.arn}\``, "", `${events.length} events, times in UTC.`, ""];
  for (const { event, view, author, editedBy, editedAt } of rows(events)) {
    out.push(`## ${utc(event.time)} — ${escapeMarkdown(view.label)}`, "");
    if (view.editable) {
      const added = author ? `Added by ${escapeMarkdown(author)}` : "Author not recorded";
      out.push(`_${added}${editedBy ? `; edited by ${escapeMarkdown(editedBy)}${editedAt ? ` at ${utc(editedAt)}` : ""}` : ""}_`, "");
    }
    if (view.text !== undefined) out.push(...view.text.split("\n").map((l) => `> ${escapeMarkdown(l)}`));
    else out.push(escapeMarkdown(view.summary));
    for (const line of view.lines) out.push(`- ${escapeMarkdown(line)}`);
    out.push("");
  }
  return out.join("\n");
}

/**
 * RFC 4180 CSV through Papa Parse (quotes, embedded quotes, newlines), with escapeFormulae so a
 * cell a person wrote as "=HYPERLINK(...)" stays text when the file is opened in a spreadsheet.
 * Our own test of the first character: Papa Parse's default (`/^[=+\-@\t\r].*$/`) can't reach
 * the end of a cell that goes on past a newline, so `=HYPERLINK(...)` + newline + more escaped.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(events: TimelineEventDto[]): string {
  return Papa.unparse(
    {
      fields: ["eventTime", "eventType", "description", "eventId", "eventUpdatedTime", "eventData", "author", "editedBy", "editedAt"],
      data: rows(events).map(({ event, description, author, editedBy, editedAt }) => [
        event.time,
        event.type,
        description,
        event.id,
        event.updatedTime,
        event.data,
        author,
        editedBy,
        editedAt,
      ]),
    },
    { escapeFormulae: FORMULA_START, newline: "\r\n" },
  );
}

export function toJson(incident: IncidentRef, events: TimelineEventDto[]): string {
  return JSON.stringify(
    {
      incidentRecordArn: incident.arn,
      title: incident.title,
      events: rows(events).map(({ event, view, description, author, editedBy, editedAt }) => ({
        eventId: event.id,
        eventTime: event.time,
        eventUpdatedTime: event.updatedTime,
        eventType: event.type,
        description,
        eventData: event.data,
        eventReferences: event.references,
        editable: view.editable,
        author: author || null,
        editedBy: editedBy || null,
        editedAt: editedAt || null,
      })),
    },
    null,
    2,
  );
}

export function exportTimeline(format: ExportFormat, incident: IncidentRef, events: TimelineEventDto[]): TimelineExport {
  const { ext, mimeType } = EXTENSIONS[format];
  const id = incident.arn.split("/").pop() || "incident";
  const content = format === "markdown" ? toMarkdown(incident, events) : format === "csv" ? toCsv(events) : toJson(incident, events);
  return { filename: `incident-${id}-timeline.${ext}`, mimeType, content };
}
