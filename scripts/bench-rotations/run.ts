// On-call rotations at a big team's size (run by scripts/bench-rotations.mjs; see there).
//
// 90 personal contacts; 3 rotations of 30 members each (daily hand-offs at 09:00 in New York,
// weekly on Mondays at 10:00 in Berlin with two on call, and 12-hour shifts in Sydney covered on
// weekdays only), one on-call schedule of the three, and 200 overrides spread over the coming year.
// Everything is made through the local model's operations, as the API makes it.
import { performance } from "node:perf_hooks";
import { it } from "vitest";
import type * as C from "@aws-sdk/client-ssm-contacts";
import { localServices } from "@/lib/im/local";
import { systemClock } from "@/lib/im/local/clock";
import { hotReader } from "@/lib/db/hot-reader";
import { onCallBySchedule } from "@/lib/im/local/engine/on-call";
import { outboxNotifier } from "@/lib/notify/outbox";
import { createTestDatabase } from "../../test/support/databases";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PROVIDER = process.env.BENCH_DB === "postgres" ? "postgresql" : "sqlite";
process.env.TEST_POSTGRES_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const out = (line = "") => process.stdout.write(`${line}\n`);
const DAY = 86_400_000;

function stats(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  return `p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${v[v.length - 1].toFixed(2)} ms (n=${v.length})`;
}

it("on-call rotations: a year of shifts, and who is on call now", async () => {
  const t = await createTestDatabase(PROVIDER);
  try {
    const { contacts } = localServices(
      { principalArn: "arn:aws:iam::000000000000:user/bench" },
      { db: t.db, clock: systemClock, notifier: outboxNotifier(t.db), accountId: "000000000000", region: "us-east-1" },
    );
    const members: string[] = [];
    for (let i = 0; i < 90; i++) {
      members.push((await contacts.createContact({ Alias: `member-${i}`, Type: "PERSONAL", Plan: { Stages: [] } })).ContactArn!);
    }
    const start = new Date("2026-12-01T00:00:00Z");
    const weekdays = ["MON", "TUE", "WED", "THU", "FRI"];
    const recurrences: [string, C.RecurrenceSettings][] = [
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
    const rotations: string[] = [];
    for (const [k, [zone, recurrence]] of recurrences.entries()) {
      const { RotationArn } = await contacts.createRotation({ Name: `rotation-${k}`, ContactIds: members.slice(k * 30, k * 30 + 30), StartTime: start, TimeZoneId: zone, Recurrence: recurrence });
      rotations.push(RotationArn!);
    }
    const { ContactArn: schedule } = await contacts.createContact({ Alias: "big-schedule", Type: "ONCALL_SCHEDULE", Plan: { RotationIds: rotations } });
    for (let i = 0; i < 200; i++) {
      const s = start.getTime() + Math.floor((i * 365 * DAY) / 200) + (i % 24) * 3_600_000;
      await contacts.createRotationOverride({ RotationId: rotations[i % 3], NewContactIds: [members[(i * 7) % 90]], StartTime: new Date(s), EndTime: new Date(s + (1 + (i % 5)) * 3_600_000) });
    }
    out(`\nOn-call rotations on ${PROVIDER}: 3 rotations × 30 members, 200 overrides, ${ITERATIONS} iterations each`);

    const year = { StartTime: start, EndTime: new Date(start.getTime() + 365 * DAY) };
    for (const [k, arn] of rotations.entries()) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < ITERATIONS; i++) {
        const t0 = performance.now();
        let token: string | undefined;
        count = 0;
        do {
          const page = await contacts.listRotationShifts({ RotationId: arn, ...year, MaxResults: 1024, NextToken: token });
          count += page.RotationShifts!.length;
          token = page.NextToken;
        } while (token);
        times.push(performance.now() - t0);
      }
      out(`  ListRotationShifts, one year of ${recurrences[k][0]} (${count} shifts, every page): ${stats(times)}  (goal p95 ≤ 20 ms)`);
    }

    const times: number[] = [];
    for (let i = 0; i < ITERATIONS * 5; i++) {
      const at = new Date(start.getTime() + Math.floor(Math.random() * 365 * DAY));
      const t0 = performance.now();
      // As a firing stage does on SQLite: through the root client's hot reader.
      await onCallBySchedule(hotReader(t.db), [schedule!], at);
      times.push(performance.now() - t0);
    }
    out(`  Who is on call in the schedule when a stage fires (3 rotations, overrides in force): ${stats(times)}  (goal ≤ 2 ms)\n`);
  } finally {
    await t.cleanup();
  }
});
