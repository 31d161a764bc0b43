#!/usr/bin/env node
// `npm run bench:rotations` — on-call rotations at a big team's size (a benchmark, not a test): a
// schedule of 3 rotations × 30 members with 200 overrides, in the local model on SQLite
// (BENCH_DB=postgres: on the PostgreSQL of TEST_POSTGRES_URL, or the local one).
//   1. ListRotationShifts over one year, each rotation (goal p95 ≤ 20 ms);
//   2. who is on call in the schedule at a random instant, as a stage that fires resolves it
//      (goal ≤ 2 ms).
// The body (scripts/bench-rotations/run.ts) runs under vitest for the project's path aliases.
// Options (environment): BENCH_DB (sqlite | postgres), BENCH_ITERATIONS (200).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runTypeScriptBench } from "./bench/common.mjs";

await runTypeScriptBench(path.join(path.dirname(fileURLToPath(import.meta.url)), ".."), "scripts/bench-rotations/run.ts");
