#!/usr/bin/env node
// `npm run bench:engine` — the engagement engine under load, on SQLite (a benchmark, not a test):
//   1. 10,000 active engagements: how long one scheduler tick takes to find and fire the steps
//      due in one second (goal ≤ 100 ms);
//   2. the same number on the real clock and the real scheduler loop: how late a stage fires
//      after its due time (goal ≤ 1 s), as a distribution.
// The engine is TypeScript with the project's path aliases, so the bench body
// (scripts/bench-engine/run.ts) runs under vitest — already a dependency — with its console
// passed straight through.
//
// Options (environment): BENCH_ENGAGEMENTS (10000), BENCH_CONTACTS (200), BENCH_SECONDS (60),
// BENCH_SEED_SECONDS (45: part 2 seeds its engagements to start this long after it begins),
// BENCH_PART (1 or 2: run that part only), BENCH_PROFILE (a directory: write CPU profiles there).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runTypeScriptBench } from "./bench/common.mjs";

await runTypeScriptBench(path.join(path.dirname(fileURLToPath(import.meta.url)), ".."), "scripts/bench-engine/run.ts");
