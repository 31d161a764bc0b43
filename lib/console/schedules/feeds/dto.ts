// What calendar feeds and shift exports hand to client components. Client-safe.
import type { OnCallView, ShiftView } from "@/lib/console/schedules/dto";

/** MINE: the shifts of the owner's linked contact, in every rotation; SCHEDULE: every shift of one schedule. */
export type FeedKind = "MINE" | "SCHEDULE";

/** A feed as its owner sees it in the list: never its token (only its hash is kept). */
export type FeedRow = {
  id: string;
  kind: FeedKind;
  /** SCHEDULE feeds: the schedule's contact ARN and alias. */
  scheduleArn?: string;
  scheduleAlias?: string;
  created: string;
  lastUsed?: string;
  revoked?: string;
};

/** A feed just made: the only time its URL exists outside the calendar app that will poll it. */
export type CreatedFeed = FeedRow & { path: string };

/** One row of the shifts export (on-call pay): times in UTC, plus the rotation's zone. */
export type ShiftExportRow = {
  schedule: string;
  rotation: string;
  person: string;
  start: string;
  end: string;
  timeZone: string;
  hours: number;
  type: "REGULAR" | "OVERRIDDEN";
};

/** The URL path of a feed (GET, public: the token is the credential). */
export function feedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

/** The export's URLs: one person's shifts (the signed-in user's contact), or one schedule's. */
export function exportMineHref(from: string, to: string): string {
  return `/api/schedules/export/mine?${new URLSearchParams({ from, to })}`;
}
export function exportScheduleHref(alias: string, from: string, to: string): string {
  return `/api/schedules/export/${encodeURIComponent(alias)}?${new URLSearchParams({ from, to })}`;
}

/** The contact alias in a contact ARN (`...:contact/oncall` → `oncall`). */
export function aliasOfArn(arn: string): string {
  return /:contact\/([^/]+)$/.exec(arn)?.[1] ?? arn;
}

/** A shift with the names around it: its schedule(s) (comma-separated; "" when in none), its rotation and zone. */
export type NamedShift = ShiftView & { schedule: string; rotation: string; timeZoneId: string };

/** A person's next shifts (the one they are on now first). */
export type NextShifts = { contactArn: string | null; shifts: NamedShift[] };

/** Who is on call now in one schedule an incident or a response plan engages. */
export type ScheduleOnCall = { arn: string; alias: string; name: string; onCall: OnCallView };

/** How one page's contact was reached: the engaged contact first, the paged person last. */
export type PagePath = { pageArn: string; contactArn: string; steps: { arn: string; name: string; type: string; stageIndex?: number }[] };
