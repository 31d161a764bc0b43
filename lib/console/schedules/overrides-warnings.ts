// What the "Cover this shift" form says before it saves, computed in the browser from the shifts
// and overrides the calendar has loaded: an override of nobody leaves its time uncovered (a
// coverage gap, unless another rotation covers it), and one that overlaps another override of the
// same rotation replaces it for the overlap (ssm-contacts applies the newest, rotation-shifts.ts).
// Client-safe.
import { coverageGaps, type Interval } from "./calendar";
import type { OverrideView, ShiftView } from "./dto";

export type OverrideDraft = { rotationArn: string; people: string[]; start: number; end: number };

export type OverrideWarning =
  | { kind: "gap"; gaps: Interval[] }
  | { kind: "overlap"; overrides: OverrideView[] };

/**
 * The warnings of a draft override. A gap: the times within the draft where, with it applied,
 * nobody in any rotation is on call. An overlap: the other overrides of its rotation it overlaps.
 */
export function overrideWarnings(draft: OverrideDraft, shifts: ShiftView[], overrides: OverrideView[]): OverrideWarning[] {
  if (!(draft.end > draft.start)) return [];
  const warnings: OverrideWarning[] = [];
  if (draft.people.length === 0) {
    // The draft's rotation has nobody during the draft; other rotations still cover what they cover.
    const others = shifts.filter((s) => s.rotationArn !== draft.rotationArn);
    const own = shifts
      .filter((s) => s.rotationArn === draft.rotationArn)
      .flatMap((s) => clipOut(s, draft.start, draft.end));
    const gaps = coverageGaps([...others, ...own], draft.start, draft.end);
    if (gaps.length) warnings.push({ kind: "gap", gaps });
  }
  const overlapping = overrides.filter((o) => o.rotationArn === draft.rotationArn && Date.parse(o.start) < draft.end && draft.start < Date.parse(o.end));
  if (overlapping.length) warnings.push({ kind: "overlap", overrides: overlapping });
  return warnings;
}

/** A shift without the part [start, end) (zero, one or two pieces). */
function clipOut(shift: ShiftView, start: number, end: number): ShiftView[] {
  const s = Date.parse(shift.start);
  const e = Date.parse(shift.end);
  const pieces: ShiftView[] = [];
  if (s < start) pieces.push({ ...shift, end: new Date(Math.min(e, start)).toISOString() });
  if (e > end) pieces.push({ ...shift, start: new Date(Math.max(s, end)).toISOString() });
  return pieces;
}
