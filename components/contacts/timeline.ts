// Who is engaged when, in minutes from the engagement's start, as the engine walks a plan
// (DESIGN.md, engagement engine): stage k starts after the durations of stages 0..k-1; a channel
// target is paged when its stage starts and again every RetryIntervalInMinutes until the stage
// ends; a contact target (escalation plan) is engaged once, when its stage starts.

export type TimelineTarget = {
  label: string;
  retryMinutes?: number;
  essential?: boolean;
  /** Said after the minutes, e.g. that a channel isn't activated (and so is never paged). */
  note?: string;
};
export type TimelineStage = { durationMinutes?: number; targets: TimelineTarget[] };

export type TimelineEntry = {
  stage: number;
  start: number;
  end: number;
  targets: (TimelineTarget & { minutes: number[] })[];
};

/** Retries listed per target before "…": a 1-minute retry over 30 minutes is 30 numbers. */
const MAX_LISTED = 8;

export function planTimeline(stages: TimelineStage[]): TimelineEntry[] {
  let start = 0;
  return stages.map((s, stage) => {
    const duration = Number.isFinite(s.durationMinutes) ? Math.max(0, s.durationMinutes!) : 0;
    const end = start + duration;
    const targets = s.targets.map((t) => {
      const minutes = [start];
      const retry = t.retryMinutes && t.retryMinutes > 0 ? t.retryMinutes : undefined;
      if (retry) for (let m = start + retry; m < end && minutes.length <= MAX_LISTED; m += retry) minutes.push(m);
      return { ...t, minutes };
    });
    const entry = { stage, start, end, targets };
    start = end;
    return entry;
  });
}

/** "minutes 0, 5, 10" / "minute 0"; a cut list ends with "…". */
export function formatMinutes(minutes: number[]): string {
  const shown = minutes.slice(0, MAX_LISTED);
  const more = minutes.length > MAX_LISTED ? ", …" : "";
  return `${shown.length === 1 ? "minute" : "minutes"} ${shown.join(", ")}${more}`;
}
