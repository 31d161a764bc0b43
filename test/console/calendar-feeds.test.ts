// Calendar feeds and shift exports (issue 14), through the real route handlers and actions on a
// real database and the real local services: the iCal feed parses with node-ical and its events are
// ListRotationShifts' shifts; the CSV is too; a revoked, unknown or orphaned token answers 404; what
// is refused is refused by the server.
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import ical, { type VEvent } from "node-ical";
import Papa from "papaparse";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Services } from "@/lib/im";
import { localServices } from "@/lib/im/local";
import { consoleState, type TestUser as User } from "../support/console-seams";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";


vi.mock("@/lib/db/client", (original) => import("../support/console-seams").then((s) => s.dbModule(original)));
vi.mock("@/lib/bootstrap/services", () => import("../support/console-seams").then((s) => s.servicesModule()));
vi.mock("@/lib/auth/session", () => import("../support/console-seams").then((s) => s.sessionModule()));

const { GET: getFeed } = await import("@/app/api/calendar/[token]/route");
const { GET: exportMine } = await import("@/app/api/schedules/export/mine/route");
const { GET: exportSchedule } = await import("@/app/api/schedules/export/[alias]/route");
const { createMyFeedAction, createScheduleFeedAction, revokeFeedAction } = await import("@/lib/console/schedules/feeds/actions");
const { myNextShifts, onCallNow } = await import("@/lib/console/schedules/feeds/on-call");

const DAY = 86_400_000;
/** "Now" for every read here: the feed's window is 30 days back and 180 ahead of it. */
const NOW = new Date("2026-12-07T12:00:00.000Z");

const feed = (path: string) => getFeed(new Request(`http://console.test${path}`), { params: Promise.resolve({ token: path.split("/").pop()! }) });
const events = async (res: Response) => Object.values(ical.sync.parseICS(await res.text())).filter((c): c is VEvent => c?.type === "VEVENT");

describe.each(PROVIDERS)("calendar feeds and shift exports on %s", (provider) => {
  let t: TestDatabase;
  let im: Services;
  const people: Record<string, string> = {};
  const rotations: { arn: string; name: string }[] = [];
  let users: Record<"ann" | "ben" | "viewer", User>;
  const scheduleAlias = `payroll-${provider}`;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    t = await createTestDatabase(provider);
    consoleState.db = t.db;
    im = localServices({ principalArn: "arn:aws:iam::000000000000:user/admin@example.com" }, { db: t.db, accountId: "000000000000", region: "us-east-1" });
    for (const [alias, name] of [["ann", "Ann Archer"], ["ben", "Ben Baker"], ["cat", "Cat Cole"]]) {
      people[alias] = (await im.contacts.createContact({ Alias: `${alias}-${provider}`, DisplayName: name, Type: "PERSONAL", Plan: { Stages: [] } })).ContactArn!;
    }
    const daily = (hour: number) => ({ DailySettings: [{ HourOfDay: hour, MinuteOfHour: 0 }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 });
    const start = new Date(NOW.getTime() - 60 * DAY);
    for (const [name, members, zone, hour] of [
      [`primary-${provider}`, [people.ann, people.ben], "Europe/Berlin", 9],
      [`secondary-${provider}`, [people.ben, people.cat], "America/New_York", 17],
    ] as const) {
      const { RotationArn } = await im.contacts.createRotation({ Name: name, ContactIds: [...members], StartTime: start, TimeZoneId: zone, Recurrence: daily(hour) });
      rotations.push({ arn: RotationArn!, name });
    }
    // Ann covers part of the secondary rotation, where she is no member: her feed must show it.
    await im.contacts.createRotationOverride({ RotationId: rotations[1].arn, NewContactIds: [people.ann], StartTime: new Date(NOW.getTime() + 3 * DAY), EndTime: new Date(NOW.getTime() + 3 * DAY + 6 * 3_600_000) });
    await im.contacts.createContact({ Alias: scheduleAlias, DisplayName: "Payroll on call", Type: "ONCALL_SCHEDULE", Plan: { Stages: [], RotationIds: rotations.map((r) => r.arn) } });
    const user = async (key: string, role: User["role"], contactArn?: string): Promise<User> => {
      const row = await t.db.user.create({ data: { id: `${key}-${provider}`, email: `${key}@example.com`, name: key.toUpperCase(), passwordHash: "unused", role, contactArn } });
      return { id: row.id, email: row.email, name: row.name, role };
    };
    users = { ann: await user("ann", "responder", people.ann), ben: await user("ben", "responder", people.ben), viewer: await user("viewer", "viewer") };
  });
  afterEach(() => {
    consoleState.user = null;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.cleanup();
  });

  /** ListRotationShifts over [from, to) of every rotation, as the API gives them. */
  async function apiShifts(from: Date, to: Date) {
    const out: { rotation: string; start: string; end: string; people: string[]; type: string }[] = [];
    for (const r of rotations) {
      let NextToken: string | undefined;
      do {
        const page = await im.contacts.listRotationShifts({ RotationId: r.arn, StartTime: from, EndTime: to, MaxResults: 1024, NextToken });
        for (const s of page.RotationShifts ?? []) out.push({ rotation: r.name, start: s.StartTime!.toISOString(), end: s.EndTime!.toISOString(), people: s.ContactIds ?? [], type: s.Type! });
        NextToken = page.NextToken;
      } while (NextToken);
    }
    return out.sort((a, b) => a.start.localeCompare(b.start) || a.rotation.localeCompare(b.rotation));
  }
  const nameOf = (arn: string) => ({ [people.ann]: "Ann Archer", [people.ben]: "Ben Baker", [people.cat]: "Cat Cole" })[arn];
  const window = () => [new Date(NOW.getTime() - 30 * DAY), new Date(NOW.getTime() + 180 * DAY)] as const;
  const asEvents = (list: Awaited<ReturnType<typeof apiShifts>>) =>
    list.map((s) => ({ start: s.start, end: s.end, summary: `On call: Payroll on call / ${s.rotation} — ${s.people.map(nameOf).join(", ")}` }));
  const fromFeed = (list: VEvent[]) =>
    list
      .map((e) => ({ start: new Date(e.start).toISOString(), end: new Date(e.end!).toISOString(), summary: String(e.summary) }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.summary.localeCompare(b.summary));

  it("serves a schedule's feed whose events are ListRotationShifts' shifts, each with a stable UID", async () => {
    consoleState.user = users.viewer;
    const made = await createScheduleFeedAction({ alias: scheduleAlias });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.data.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    consoleState.user = null; // the feed needs no session
    const res = await feed(made.data.path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const list = await events(res);
    const expected = asEvents(await apiShifts(...window())).sort((a, b) => a.start.localeCompare(b.start) || a.summary.localeCompare(b.summary));
    expect(expected.length).toBeGreaterThan(300);
    expect(fromFeed(list)).toEqual(expected);
    expect(new Set(list.map((e) => e.uid)).size).toBe(list.length);
    const again = await events(await feed(made.data.path));
    expect(again.map((e) => e.uid).sort()).toEqual(list.map((e) => e.uid).sort());
    // Only the token's SHA-256 is kept.
    const token = made.data.path.split("/").pop()!.replace(/\.ics$/, "");
    const row = await t.db.calendarFeed.findUniqueOrThrow({ where: { id: made.data.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.lastUsedAt?.toISOString()).toBe(NOW.toISOString());
  });

  it("serves a person's feed: their shifts in every rotation, overrides in rotations they are not a member of included", async () => {
    consoleState.user = users.ann;
    const made = await createMyFeedAction({});
    if (!made.ok) throw new Error(made.error.message);
    const list = fromFeed(await events(await feed(made.data.path)));
    const expected = asEvents((await apiShifts(...window())).filter((s) => s.people.includes(people.ann))).sort((a, b) => a.start.localeCompare(b.start) || a.summary.localeCompare(b.summary));
    expect(list).toEqual(expected);
    expect(list.some((e) => e.summary.includes(`secondary-${provider} — Ann Archer`))).toBe(true);
    expect(list.every((e) => e.summary.includes("Ann Archer"))).toBe(true);
  });

  it("answers 404 for a revoked, unknown or malformed token and for a deactivated owner's feed", async () => {
    consoleState.user = users.ben;
    const made = await createMyFeedAction({});
    if (!made.ok) throw new Error(made.error.message);
    expect((await feed(made.data.path)).status).toBe(200);
    // Another user cannot revoke it: scoped to its owner, it is not found.
    consoleState.user = users.ann;
    expect(await revokeFeedAction({ id: made.data.id })).toMatchObject({ ok: false, error: { name: "ResourceNotFoundException" } });
    expect((await feed(made.data.path)).status).toBe(200);
    consoleState.user = users.ben;
    expect(await revokeFeedAction({ id: made.data.id })).toMatchObject({ ok: true, data: { revoked: NOW.toISOString() } });
    expect((await feed(made.data.path)).status).toBe(404);

    const unknown = `/api/calendar/${"A".repeat(43)}.ics`;
    for (const path of [unknown, "/api/calendar/short.ics", made.data.path.replace(/\.ics$/, "")]) expect((await feed(path)).status).toBe(404);

    const other = await createMyFeedAction({});
    if (!other.ok) throw new Error(other.error.message);
    await t.db.user.update({ where: { id: users.ben.id }, data: { active: false } });
    try {
      expect((await feed(other.data.path)).status).toBe(404);
    } finally {
      await t.db.user.update({ where: { id: users.ben.id }, data: { active: true } });
    }
    expect((await feed(other.data.path)).status).toBe(200);
  });

  it("refuses feeds and exports without a session, and a feed of a schedule that does not exist", async () => {
    expect(await createMyFeedAction({})).toMatchObject({ ok: false, error: { name: "AccessDeniedException" } });
    expect(await createScheduleFeedAction({ alias: scheduleAlias })).toMatchObject({ ok: false, error: { name: "AccessDeniedException" } });
    const res = await exportSchedule(new NextRequest(`http://console.test/api/schedules/export/${scheduleAlias}?from=2026-12-01&to=2027-01-01`), { params: Promise.resolve({ alias: scheduleAlias }) });
    expect(res.status).toBe(403);
    consoleState.user = users.viewer;
    expect(await createScheduleFeedAction({ alias: "no-such-schedule" })).toMatchObject({ ok: false, error: { name: "ResourceNotFoundException" } });
  });

  it("exports a schedule's shifts starting in the range as CSV equal to ListRotationShifts, formulae escaped", async () => {
    consoleState.user = users.viewer;
    const [from, to] = [new Date("2026-12-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")];
    const res = await exportSchedule(new NextRequest(`http://console.test/api/schedules/export/${scheduleAlias}?from=2026-12-01&to=2027-01-01`), { params: Promise.resolve({ alias: scheduleAlias }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(["schedule", "rotation", "person", "start", "end", "timeZone", "hours", "type"]);
    const zones: Record<string, string> = { [`primary-${provider}`]: "Europe/Berlin", [`secondary-${provider}`]: "America/New_York" };
    const expected = (await apiShifts(from, to))
      .filter((s) => s.start >= from.toISOString())
      .flatMap((s) =>
        s.people.map((p) => ({
          schedule: "Payroll on call",
          rotation: s.rotation,
          person: nameOf(p),
          start: s.start,
          end: s.end,
          timeZone: zones[s.rotation],
          hours: String(Math.round((Date.parse(s.end) - Date.parse(s.start)) / 36_000) / 100),
          type: s.type,
        })),
      );
    expect(parsed.data).toEqual(expected);
    expect(parsed.data.some((r) => r.type === "OVERRIDDEN")).toBe(true);
  });

  it("exports the signed-in user's own shifts, and names a bad range", async () => {
    consoleState.user = users.ann;
    const res = await exportMine(new NextRequest("http://console.test/api/schedules/export/mine?from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z"));
    const rows = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;
    const expected = (await apiShifts(new Date("2026-12-07T00:00:00Z"), new Date("2026-12-14T00:00:00Z"))).filter((s) => s.start >= "2026-12-07T00:00:00.000Z" && s.people.includes(people.ann));
    expect(rows.map((r) => [r.person, r.start, r.end, r.type])).toEqual(expected.map((s) => ["Ann Archer", s.start, s.end, s.type]));
    expect(rows.length).toBeGreaterThan(2);

    const bad = await exportMine(new NextRequest("http://console.test/api/schedules/export/mine?from=2026-12-14&to=2026-12-07"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ name: "ValidationException", message: "to must be after from" });
    consoleState.user = users.viewer; // no linked contact
    const unlinked = await exportMine(new NextRequest("http://console.test/api/schedules/export/mine?from=2026-12-07&to=2026-12-14"));
    expect(unlinked.status).toBe(400);
  });

  it("says who is on call now in the schedules an escalation plan engages, and a person's next shifts", async () => {
    consoleState.user = users.ann;
    const { ContactArn: plan } = await im.contacts.createContact({
      Alias: `escalate-${provider}`,
      Type: "ESCALATION",
      Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: `arn:aws:ssm-contacts:us-east-1:000000000000:contact/${scheduleAlias}`, IsEssential: false } }] }] },
    });
    const result = await onCallNow([plan!, people.cat]);
    if (!result.ok) throw new Error(result.error.message);
    const holding = (await apiShifts(NOW, new Date(NOW.getTime() + 1))).filter((s) => s.start <= NOW.toISOString() && NOW.toISOString() < s.end);
    expect(result.data.map((s) => s.name)).toEqual(["Payroll on call"]);
    expect(result.data[0].onCall.now.map((p) => p.name).sort()).toEqual([...new Set(holding.flatMap((s) => s.people.map(nameOf)))].sort());

    const next = await myNextShifts();
    if (!next.ok) throw new Error(next.error.message);
    const mine = (await apiShifts(NOW, new Date(NOW.getTime() + 28 * DAY))).filter((s) => s.people.includes(people.ann)).slice(0, 5);
    expect(next.data.shifts.map((s) => [s.rotation, s.start, s.end])).toEqual(mine.map((s) => [s.rotation, s.start, s.end]));
  });
});

describe("the shifts CSV", () => {
  it("keeps a cell that starts like a formula as text", async () => {
    const { toShiftsCsv } = await import("@/lib/console/schedules/feeds/csv");
    const csv = toShiftsCsv([{ schedule: "=HYPERLINK(\"x\")", rotation: "r", person: "+1 Ann", start: "a", end: "b", timeZone: "UTC", hours: 1, type: "REGULAR" }]);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""x"")",r,"'+1 Ann",a,b,UTC,1,REGULAR`);
  });
});
