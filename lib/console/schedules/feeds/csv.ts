// The shifts export (on-call pay) as RFC 4180 CSV through Papa Parse, one row per person per shift.
// Client-safe (pure).
import Papa from "papaparse";
import type { NamedShift, ShiftExportRow } from "./dto";

/** A cell that starts like a formula stays text in a spreadsheet (as the timeline's export does). */
const FORMULA_START = /^[=+\-@\t\r]/;

export const CSV_FIELDS = ["schedule", "rotation", "person", "start", "end", "timeZone", "hours", "type"] as const;

/**
 * The rows of shifts that START in [from, to): consecutive ranges (one month, then the next)
 * count each shift once, where "overlapping" would pay a shift across a month's end twice.
 * Person: only `personArn`'s rows when given (one person's export).
 */
export function exportRows(shifts: NamedShift[], from: Date, to: Date, personArn?: string): ShiftExportRow[] {
  const lo = from.getTime();
  const hi = to.getTime();
  return shifts
    .filter((s) => Date.parse(s.start) >= lo && Date.parse(s.start) < hi)
    .flatMap((s) =>
      s.people
        .filter((p) => !personArn || p.arn === personArn)
        .map((p) => ({
          schedule: s.schedule,
          rotation: s.rotation,
          person: p.name,
          start: s.start,
          end: s.end,
          timeZone: s.timeZoneId,
          hours: Math.round((Date.parse(s.end) - Date.parse(s.start)) / 36_000) / 100,
          type: s.type,
        })),
    );
}

export function toShiftsCsv(rows: ShiftExportRow[]): string {
  return Papa.unparse({ fields: [...CSV_FIELDS], data: rows.map((r) => CSV_FIELDS.map((f) => r[f])) }, { escapeFormulae: FORMULA_START, newline: "\r\n" });
}
