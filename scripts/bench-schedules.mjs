#!/usr/bin/env node
// `npm run bench:schedules` — the on-call schedule calendar at a big team's size (a benchmark, not
// a test; `npm run build` first). Starts the production console and makes, through the
// ssm-contacts API, a schedule of 3 rotations × 30 members (daily hand-offs in New York, weekly
// with two on call in Berlin, 12-hour weekday shifts in Sydney) with 200 overrides in the month
// shown, then reports:
//   1. server response of the month view's shifts route (GET /api/schedules/<alias>/shifts over the
//      month's whole weeks, signed in): p50/p95 over BENCH_REQUESTS requests (target ≤ 150 ms);
//   2. first-load JavaScript of the schedule page opened on the month view, and of the schedules
//      list: every script the page loads, gzipped (target ≤ 200 KB). BENCH_JS_DETAIL=1 lists them.
import { mkdtempSync, existsSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { chromium } from "@playwright/test";
import { firstLoadJs, kb, percentile, signIn, startConsole } from "./bench/common.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const ACCOUNT = "000000000000";
const KEY = { accessKeyId: "AKIABENCHSCHEDULES00", secretAccessKey: "bench-schedules-secret" };
const ADMIN = { email: "bench@example.com", password: "bench-schedules-password" };
const DAY = 86_400_000;
const ms = (n) => `${n.toFixed(1)} ms`;

const dist = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(root, dist, "BUILD_ID"))) {
  console.error(`No production build in ${dist}/: run \`npm run build\` first.`);
  process.exit(1);
}

/** The month view's range: Monday 00:00 UTC before the 1st to the Monday after the last day (the calendar asks for whole weeks). */
function monthRange(now) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  const from = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * DAY);
  const to = new Date(last.getTime() + (7 - ((last.getUTCDay() + 6) % 7)) * DAY);
  return { from, to };
}

async function seedSchedule(api, now) {
  const members = [];
  for (let i = 0; i < 90; i++) {
    members.push((await api.createContact({ Alias: `member-${i}`, DisplayName: `Member ${i}`, Type: "PERSONAL", Plan: { Stages: [] } })).ContactArn);
  }
  const start = new Date(now.getTime() - 60 * DAY);
  const weekdays = ["MON", "TUE", "WED", "THU", "FRI"];
  const recurrences = [
    ["America/New_York", { DailySettings: [{ HourOfDay: 9, MinuteOfHour: 0 }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 }],
    ["Europe/Berlin", { WeeklySettings: [{ DayOfWeek: "MON", HandOffTime: { HourOfDay: 10, MinuteOfHour: 0 } }], NumberOfOnCalls: 2, RecurrenceMultiplier: 1 }],
    [
      "Australia/Sydney",
      {
        DailySettings: [{ HourOfDay: 8, MinuteOfHour: 0 }, { HourOfDay: 20, MinuteOfHour: 0 }],
        NumberOfOnCalls: 1,
        RecurrenceMultiplier: 1,
        ShiftCoverages: Object.fromEntries(weekdays.map((d) => [d, [{ Start: { HourOfDay: 8, MinuteOfHour: 0 }, End: { HourOfDay: 20, MinuteOfHour: 0 } }]])),
      },
    ],
  ];
  const rotations = [];
  for (const [k, [zone, recurrence]] of recurrences.entries()) {
    const { RotationArn } = await api.createRotation({ Name: `rotation-${k}`, ContactIds: members.slice(k * 30, k * 30 + 30), StartTime: start, TimeZoneId: zone, Recurrence: recurrence });
    rotations.push(RotationArn);
  }
  await api.createContact({ Alias: "big-schedule", Type: "ONCALL_SCHEDULE", Plan: { Stages: [], RotationIds: rotations } });
  // 200 overrides of 1–6 hours across the month shown, on every rotation: the worst case for one view.
  const { from, to } = monthRange(now);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 200; i++) {
    const at = from.getTime() + Math.floor(random() * (to.getTime() - from.getTime() - 6 * 3_600_000) / 60_000) * 60_000;
    const rotation = rotations[i % 3];
    const k = i % 3;
    await api.createRotationOverride({
      RotationId: rotation,
      NewContactIds: [members[k * 30 + Math.floor(random() * 30)]],
      StartTime: new Date(at),
      EndTime: new Date(at + (1 + Math.floor(random() * 6)) * 3_600_000),
    });
  }
  return { from, to };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "im-bench-schedules-"));
const server = await startConsole({
  root,
  dataDir,
  key: KEY,
  account: ACCOUNT,
  env: (port) => ({ IM_ADMIN_EMAIL: ADMIN.email, IM_ADMIN_PASSWORD: ADMIN.password, NEXTAUTH_URL: `http://127.0.0.1:${port}` }),
});
let browser;
try {
  const api = new SSMContacts({ endpoint: `${server.url}/api/aws/ssm-contacts`, region: "us-east-1", credentials: KEY });
  const now = new Date();
  const t0 = performance.now();
  const { from, to } = await seedSchedule(api, now);
  console.log(`bench:schedules — 3 rotations × 30 members, 200 overrides seeded through the API in ${((performance.now() - t0) / 1000).toFixed(1)} s; node ${process.version}`);

  const jar = await signIn(server.url, ADMIN);
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const timeGets = async (url) => {
    const times = [];
    let body;
    for (let i = 0; i < REQUESTS + 5; i++) {
      const t = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      body = await res.json();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`);
      if (i >= 5) times.push(performance.now() - t); // the first five warm the caches
    }
    times.sort((a, b) => a - b);
    return { body, p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const route = await timeGets(`${server.url}/api/schedules/big-schedule/shifts?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString() })}`);
  // What any signed-in read costs on this machine (session, one ListContacts): the floor under the figure above.
  const floor = await timeGets(`${server.url}/api/contacts?type=PERSONAL`);
  console.log(
    `1. month view's shifts route (${route.body.shifts.length} shifts, ${route.body.overrides.length} overrides, ${Math.round((to - from) / DAY)} days): p50 ${ms(route.p50)}, p95 ${ms(route.p95)} — target ≤ 150 ms: ${route.p95 <= 150 ? "ok" : "MISS"}`,
  );
  console.log(`   for scale, a page of contacts (GET /api/contacts): p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const month = await firstLoadJs(browser, server.url, jar, "/schedules/big-schedule?view=month");
  const list = await firstLoadJs(browser, server.url, jar, "/schedules");
  const worst = Math.max(month.gz, list.gz);
  console.log(`2. schedule page first-load JS (gzipped), month view: ${kb(month.gz)} (${month.scripts} scripts, ${kb(month.raw)} raw) — target ≤ 200 KB: ${worst <= 200 * 1024 ? "ok" : "MISS"}`);
  console.log(`   schedules list first-load JS: ${kb(list.gz)} gzipped (${list.scripts} scripts)`);
} finally {
  await browser?.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
