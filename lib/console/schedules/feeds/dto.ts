// What calendar feeds and shift exports hand to client components. Client-safe.

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
