// An engagement's state in words, read from what ssm-contacts says of it: DescribeEngagement's
// StartTime and StopTime, its pages (ListPagesByEngagement: who was paged, ReadTime) with their
// receipts (ListPageReceipts: a STOP receipt carries StopEngagement's reason), and the plans of
// the engaged contact and of each paged contact (GetContact). AWS has no "state" field: StopTime
// is set only by StopEngagement, so an engagement whose stages ran out, or whose essential contact
// acknowledged, still reads "not stopped" — which is why a responder needs this. Client-safe and
// pure: the time is a parameter, so the wording ticks in the browser and tests fix it.

/** What the console knows of one engagement (built by queries.ts from ssm-contacts reads). */
export type EngagementFacts = {
  startTime?: string;
  stopTime?: string;
  /** The reason StopEngagement was given (the STOP receipts' info), if any. */
  stopReason?: string;
  /** Who stopped it, when the console knows (a person's name). */
  stoppedBy?: string;
  /**
   * The engaged contact's plan: an escalation plan's stages (each target with its own plan's
   * length), or a personal contact's own stages (no targets here: its channels are its own).
   */
  stages: { durationMinutes: number; targets: { contactArn: string; essential: boolean; planMinutes: number }[] }[];
  /** An escalation plan: only an essential target's acknowledgement stops its progress. */
  escalation: boolean;
  pages: { contactArn: string; contactName: string; readTime?: string }[];
};

export type EngagementState =
  | { kind: "paging"; stage: number; stages: number; nextStageAt?: string }
  | { kind: "acknowledged"; by: string; at: string; stillPaging: boolean }
  | { kind: "finished" }
  | { kind: "stopped"; at: string; by?: string; reason?: string };

const MINUTE_MS = 60_000;

/** ms after the start when each stage starts: stage k starts after the durations of stages 0..k-1. */
function stageStarts(stages: EngagementFacts["stages"]): number[] {
  let t = 0;
  return stages.map((s) => {
    const start = t;
    t += s.durationMinutes * MINUTE_MS;
    return start;
  });
}

/**
 * When the last page can still go out, in ms after the start: the end of the engaged contact's
 * stages, or later when an escalation stage's target runs its own plan past it.
 */
export function pagingEndsAfter(facts: EngagementFacts): number {
  const starts = stageStarts(facts.stages);
  let end = facts.stages.reduce((sum, s) => sum + s.durationMinutes * MINUTE_MS, 0);
  facts.stages.forEach((s, k) => {
    for (const t of s.targets) end = Math.max(end, starts[k] + t.planMinutes * MINUTE_MS);
  });
  return end;
}

/** Whose acknowledgement stops the engagement: a contact engaged directly, or an essential escalation target. */
function stopsProgress(facts: EngagementFacts, contactArn: string): boolean {
  if (!facts.escalation) return true;
  return facts.stages.some((s) => s.targets.some((t) => t.essential && t.contactArn === contactArn));
}

const byReadTime = (a: { readTime?: string }, b: { readTime?: string }) => (a.readTime ?? "").localeCompare(b.readTime ?? "");

export function engagementState(facts: EngagementFacts, now: number): EngagementState {
  const start = facts.startTime ? Date.parse(facts.startTime) : now;
  const stop = facts.stopTime ? Date.parse(facts.stopTime) : undefined;
  const read = facts.pages.filter((p) => p.readTime && (stop === undefined || Date.parse(p.readTime) <= stop)).sort(byReadTime);
  const ends = start + pagingEndsAfter(facts);
  const over = stop !== undefined || now >= ends;

  // The acknowledgement that ended the paging; once the paging is over, any acknowledgement
  // answers "did anybody pick this up?".
  const ack = read.find((p) => stopsProgress(facts, p.contactArn)) ?? (over ? read[0] : undefined);
  if (ack) {
    const stillPaging = stop === undefined && now < ends && facts.pages.some((p) => !p.readTime);
    return { kind: "acknowledged", by: ack.contactName, at: ack.readTime!, stillPaging };
  }
  if (stop !== undefined) return { kind: "stopped", at: facts.stopTime!, by: facts.stoppedBy, reason: facts.stopReason };
  if (now >= ends) return { kind: "finished" };

  const starts = stageStarts(facts.stages);
  const elapsed = now - start;
  let stage = 0;
  starts.forEach((s, k) => {
    if (elapsed >= s) stage = k;
  });
  const next = starts[stage + 1];
  return {
    kind: "paging",
    stage: facts.stages.length ? stage + 1 : 0,
    stages: facts.stages.length,
    nextStageAt: next !== undefined ? new Date(start + next).toISOString() : undefined,
  };
}

/** An engagement that may still send pages: what "Stop paging for this incident" stops. */
export function isStillPaging(state: EngagementState): boolean {
  return state.kind === "paging" || (state.kind === "acknowledged" && state.stillPaging);
}

/** "19:43" in the reader's time zone, with the day when it isn't today ("Dec 6, 19:43"). */
export function shortTime(iso: string, now: number, timeZone?: string): string {
  const at = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(at);
  if (day(at) === day(new Date(now))) return time;
  const date = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone }).format(at);
  return `${date}, ${time}`;
}

/** "in 4 min": whole minutes, rounded up, so it never says "in 0 min" while the stage hasn't started. */
function inMinutes(iso: string, now: number): string {
  const minutes = Math.max(1, Math.ceil((Date.parse(iso) - now) / MINUTE_MS));
  return `in ${minutes} min`;
}

/** The state in words: "Paging — stage 2 of 3, next stage in 4 min", "Acknowledged by Alice at 19:43", … */
export function describeEngagementState(state: EngagementState, now: number, timeZone?: string): string {
  switch (state.kind) {
    case "paging": {
      if (!state.stages) return "Paging";
      const next = state.nextStageAt ? `, next stage ${inMinutes(state.nextStageAt, now)}` : "";
      return `Paging — stage ${state.stage} of ${state.stages}${next}`;
    }
    case "acknowledged":
      return `Acknowledged by ${state.by} at ${shortTime(state.at, now, timeZone)}`;
    case "finished":
      return "Finished — nobody acknowledged";
    case "stopped": {
      const who = state.by ? `Stopped by ${state.by}` : "Stopped";
      return state.reason ? `${who}: ${state.reason}` : who;
    }
  }
}
