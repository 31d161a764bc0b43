#!/usr/bin/env node
// `npm run bench:alerts` — the alert intake under an alert storm (issue 15's "Speed"; a benchmark,
// not a test; `npm run build` first). Starts the production console on a fresh database (SQLite;
// BENCH_DB=postgres for a fresh PostgreSQL database on BENCH_POSTGRES_URL, default the local
// server), creates a response plan through the AWS-compatible endpoint and a generic integration
// (straight into the database, its token kept only as its hash, as the console does), then sends
// BENCH_ALERTS (2,000) alerts over BENCH_SECONDS (20) across BENCH_FINGERPRINTS (20) fingerprints
// from BENCH_SENDERS (16) concurrent senders, and reports:
//   1. alerts accepted (202), 5xx answers, intake latency p50/p95/p99 (target p95 ≤ 50 ms);
//   2. alerts recorded (target: every one) and incidents created (ListIncidentRecords; target: one
//      per fingerprint);
//   3. outcome settlement: Alert.processedAt − receivedAt, p95 and max (target ≤ 5 s) — "n/a" when
//      this build has no alert processing yet (nothing settles).
// BENCH_PROFILE (a directory): the console writes a CPU profile there when it stops.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import Database from "better-sqlite3";
import pg from "pg";
import { percentile, startConsole } from "./bench/common.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const ALERTS = Number(process.env.BENCH_ALERTS ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const FINGERPRINTS = Number(process.env.BENCH_FINGERPRINTS ?? 20);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 16);
const SETTLE_TARGET_MS = 5_000;
const INTAKE_P95_TARGET_MS = 50;
const POSTGRES = /^postgres(ql)?$/i.test(process.env.BENCH_DB ?? "");
const PG_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ACCOUNT = "000000000000";
const KEY = { accessKeyId: "AKIABENCHALERTS00000", secretAccessKey: "bench-alerts-secret" };

const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : "n/a");
const verdict = (ok) => (ok ? "ok" : "MISS");
const sleep = (t) => new Promise((r) => setTimeout(r, t));

const dist = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(root, dist, "BUILD_ID")) || !existsSync(path.join(root, dist, "im-server.mjs"))) {
  console.error(`No production build in ${dist}/: run \`npm run build\` first.`);
  process.exit(1);
}

/** A fresh database: a SQLite file in the data directory, or a new PostgreSQL database. */
async function freshDatabase(dataDir) {
  if (!POSTGRES) {
    const file = path.join(dataDir, "bench.db");
    return {
      url: `file:${file}`,
      label: "SQLite",
      open() {
        const conn = new Database(file);
        conn.pragma("busy_timeout = 10000");
        return {
          run: async (sql, params) => void conn.prepare(sql.replace(/\$\d+/g, "?")).run(...params),
          all: async (sql, params = []) => conn.prepare(sql.replace(/\$\d+/g, "?")).all(...params),
          close: async () => conn.close(),
        };
      },
      drop: async () => undefined,
    };
  }
  const name = `im_bench_alerts_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: "PostgreSQL",
    open() {
      const client = new pg.Client({ connectionString: url.toString() });
      const ready = client.connect();
      return {
        run: async (sql, params) => void (await ready, await client.query(sql, params)),
        all: async (sql, params = []) => (await ready, (await client.query(sql, params)).rows),
        close: async () => (await ready, await client.end()),
      };
    },
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A stored time as epoch ms, whichever way the database hands it back. */
const epochMs = (v) => (v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`));

const dataDir = mkdtempSync(path.join(tmpdir(), "im-bench-alerts-"));
const database = await freshDatabase(dataDir);
let server;
let conn;
let failed = false;
try {
  server = await startConsole({
    root,
    dataDir,
    key: KEY,
    account: ACCOUNT,
    // PostgreSQL wants the server key every instance shares; a fresh one for a fresh database.
    env: () => ({ DATABASE_URL: database.url, IM_SECRET_KEY: randomBytes(32).toString("base64") }),
    nodeArgs: process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [],
  });
  conn = database.open();
  console.log(
    `bench:alerts — ${ALERTS.toLocaleString()} alerts over ${SECONDS} s, ${FINGERPRINTS} fingerprints, ${SENDERS} senders, on ${database.label}; node ${process.version}`,
  );
  const incidents = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: KEY, maxAttempts: 1 });
  const { arn: planArn } = await incidents.createResponsePlan({
    name: `bench-alerts-${randomUUID().slice(0, 8)}`,
    incidentTemplate: { title: "Alert storm", impact: 3 },
  });

  const integrationId = randomUUID();
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await conn.run(
    `INSERT INTO "AlertIntegration" ("id", "responsePlanArn", "name", "kind", "tokenHash", "createdBy", "createdAt", "tokenRotatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [integrationId, planArn, "Bench storm", "GENERIC", createHash("sha256").update(token).digest("hex"), "bench", ...(POSTGRES ? [now, now] : [now.toISOString(), now.toISOString()])],
  );
  const intakeUrl = `${server.url}/api/integrations/${integrationId}`;

  // Each sender takes the next alert, waits for its due time (evenly spread) and sends it.
  const latencies = [];
  const statuses = new Map();
  let next = 0;
  const start = performance.now() + 200;
  const spacing = (SECONDS * 1000) / ALERTS;
  async function sender() {
    for (;;) {
      const k = next++;
      if (k >= ALERTS) return;
      const due = start + k * spacing;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const fp = k % FINGERPRINTS;
      const body = JSON.stringify({
        title: `Storm alert ${fp}`,
        status: "firing",
        dedupeKey: `storm-${fp}`,
        severity: "warning",
        summary: `Alert ${k} of the storm`,
        links: [{ title: "Dashboard", url: `https://grafana.example.com/d/storm-${fp}` }],
      });
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fetch(intakeUrl, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = -1;
      }
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  const sendStart = performance.now();
  await Promise.all(Array.from({ length: SENDERS }, sender));
  const sendSeconds = (performance.now() - sendStart) / 1000;
  latencies.sort((a, b) => a - b);
  const accepted = statuses.get(202) ?? 0;
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const others = [...statuses].filter(([s]) => s !== 202).map(([s, c]) => `${s === -1 ? "network error" : s} ×${c}`);
  const p95 = percentile(latencies, 95);
  console.log(`1. accepted ${accepted} of ${ALERTS} in ${sendSeconds.toFixed(1)} s${others.length ? ` (others: ${others.join(", ")})` : ""}; 5xx: ${fivexx} — target 0: ${verdict(fivexx === 0)}`);
  console.log(
    `   intake p50 ${ms(percentile(latencies, 50))}, p95 ${ms(p95)}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies[latencies.length - 1])} — target p95 ≤ ${INTAKE_P95_TARGET_MS} ms: ${verdict(p95 <= INTAKE_P95_TARGET_MS)}`,
  );
  failed ||= fivexx > 0 || p95 > INTAKE_P95_TARGET_MS || accepted !== ALERTS;

  // Settlement: wait until every alert has an outcome, or until nothing moves for a while.
  const settleDeadline = Date.now() + 60_000;
  let pending = Infinity;
  let lastProgress = Date.now();
  while (Date.now() < settleDeadline) {
    const [{ n }] = await conn.all(`SELECT COUNT(*) AS n FROM "Alert" WHERE "integrationId" = $1 AND "processedAt" IS NULL`, [integrationId]);
    const count = Number(n);
    if (count === 0) break;
    if (count < pending) {
      pending = count;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > 10_000) break;
    await sleep(250);
  }
  const rows = await conn.all(`SELECT "receivedAt", "processedAt", "outcome" FROM "Alert" WHERE "integrationId" = $1`, [integrationId]);
  const settled = rows.filter((r) => r.processedAt !== null);
  const lags = settled.map((r) => epochMs(r.processedAt) - epochMs(r.receivedAt)).sort((a, b) => a - b);
  const outcomes = new Map();
  for (const r of rows) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);

  let incidentCount = 0;
  let nextToken;
  do {
    // A fresh database: every incident there is the storm's.
    const page = await incidents.listIncidentRecords({ maxResults: 100, nextToken });
    incidentCount += (page.incidentRecordSummaries ?? []).length;
    nextToken = page.nextToken;
  } while (nextToken);

  const processing = settled.length > 0;
  console.log(`2. alerts recorded ${rows.length} — target ${ALERTS}: ${verdict(rows.length === ALERTS)}`);
  console.log(
    `   incidents created ${incidentCount} — target ${FINGERPRINTS}: ${processing ? verdict(incidentCount === FINGERPRINTS) : "n/a (no alert processing in this build)"}`,
  );
  console.log(`   outcomes: ${[...outcomes].map(([o, c]) => `${o} ${c}`).join(", ")}`);
  if (processing) {
    const p95Lag = percentile(lags, 95);
    const maxLag = lags[lags.length - 1];
    console.log(
      `3. settlement (processedAt − receivedAt) of ${settled.length}: p95 ${ms(p95Lag)}, max ${ms(maxLag)} — target every one ≤ ${SETTLE_TARGET_MS / 1000} s: ${verdict(settled.length === rows.length && maxLag <= SETTLE_TARGET_MS)}`,
    );
    failed ||= settled.length !== rows.length || maxLag > SETTLE_TARGET_MS || incidentCount !== FINGERPRINTS;
  } else {
    console.log(`3. settlement: n/a (no alert processing in this build: every alert is still PENDING)`);
  }
  failed ||= rows.length !== ALERTS;
} finally {
  await conn?.close();
  await server?.stop();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
