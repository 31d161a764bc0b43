#!/usr/bin/env node
// `npm run bench:api` — the ssm-incidents endpoint under load, on SQLite.
//
// Seeds a large database (default 100,000 incidents with 10 timeline events each) and a small one
// (1,000 incidents), starts the production server on each (`npm run build` first), and reports
// through the HTTP endpoint, with SigV4-signed requests as the AWS SDK sends them:
//   - GetIncidentRecord: throughput, p50/p99 at 16 concurrent clients;
//   - ListIncidentRecords (filtered, 100 per page): p95 on the first page and on deep pages;
//   - ListTimelineEvents: p95;
//   - StartIncident: throughput.
// The same GetIncidentRecord read is also served by a bare node:http + better-sqlite3 server in
// the same run, so the cost of our stack is reported as a ratio, not as a machine-dependent number.
//
// Options (environment): BENCH_INCIDENTS (100000), BENCH_EVENTS_PER_INCIDENT (10),
// BENCH_SECONDS (8 per measurement), BENCH_CONCURRENCY (16), NEXT_DIST_DIR (.next).
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import Database from "better-sqlite3";
import { percentile, seed, startConsole } from "./bench/common.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const EVENTS_PER_INCIDENT = Number(process.env.BENCH_EVENTS_PER_INCIDENT ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ACCOUNT = "000000000000";
const KEY = { accessKeyId: "AKIABENCHBOOTSTRAP00", secretAccessKey: "bench-bootstrap-secret" };
const signer = new SignatureV4({ service: "ssm-incidents", region: "us-east-1", credentials: KEY, sha256: Sha256 });

// ───────────────────────────── helpers ─────────────────────────────

// BENCH_PROFILE=<dir>: write V8 CPU profiles of the console there (open them in Chrome DevTools).
const startServer = (dataDir) =>
  startConsole({
    root,
    dataDir,
    key: KEY,
    account: ACCOUNT,
    nodeArgs: process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
  });

/** A signed request, as the SDK would send it (signatures stay valid for 15 minutes). */
async function signed(base, method, pathAndQuery, body) {
  const url = new URL(base + pathAndQuery);
  const query = Object.fromEntries(url.searchParams);
  const req = new HttpRequest({
    method,
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host, ...(body ? { "content-type": "application/json" } : {}) },
    body,
  });
  const s = await signer.sign(req);
  return { method, path: url.pathname + url.search, headers: s.headers, body };
}

const agents = new Map();
function send(base, r) {
  let agent = agents.get(base);
  if (!agent) agents.set(base, (agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 })));
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (r.body) req.write(r.body);
    req.end();
  });
}

/** Runs `next()` requests from CONCURRENCY clients for SECONDS; latency in ms. */
async function load(base, next, { seconds = SECONDS, concurrency = CONCURRENCY, expectStatus = [200] } = {}) {
  const latencies = [];
  let errors = 0;
  let firstError;
  const end = performance.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await next(i++);
        const t0 = performance.now();
        const res = await send(base, r);
        latencies.push(performance.now() - t0);
        if (!expectStatus.includes(res.status)) {
          errors++;
          firstError ??= `${res.status} ${res.body.slice(0, 200)}`;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    n: latencies.length,
    errors,
    firstError,
  };
}

const fmt = (r) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p95 ${r.p95.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  (${r.n} requests${r.errors ? `, ${r.errors} ERRORS: ${r.firstError}` : ""})`;

// ───────────────────────────── seeding ─────────────────────────────

// ───────────────────────────── the bare baseline ─────────────────────────────

/** The least a server can do for GetIncidentRecord: node:http, one prepared statement, JSON. */
async function startBare(file) {
  const db = new Database(file, { readonly: true });
  const get = db.prepare(`SELECT * FROM "IncidentRecord" WHERE arn = ?`);
  const server = http.createServer((req, res) => {
    const arn = new URL(req.url, "http://x").searchParams.get("arn");
    const row = get.get(arn);
    if (!row) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify({
      incidentRecord: {
        arn: row.arn, title: row.title, impact: row.impact, status: row.status,
        creationTime: Date.parse(row.creationTime) / 1000, lastModifiedTime: Date.parse(row.lastModifiedTime) / 1000,
        lastModifiedBy: row.lastModifiedBy, dedupeString: row.dedupeString,
        incidentRecordSource: { createdBy: row.createdBy, source: row.source },
      },
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => (server.close(r), db.close())) };
}

// ───────────────────────────── measurements ─────────────────────────────

async function prepared(base, arns, make) {
  return Promise.all(arns.map((arn, i) => make(base, arn, i)));
}

const getRequest = (base, arn) => signed(base, "GET", `/api/aws/ssm-incidents/getIncidentRecord?arn=${encodeURIComponent(arn)}`);
const listBody = (nextToken) =>
  JSON.stringify({ filters: [{ key: "status", condition: { equals: { stringValues: ["RESOLVED"] } } }], maxResults: 100, ...(nextToken ? { nextToken } : {}) });

async function measureDataset(label, incidents, eventsPerIncident) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "im-bench-"));
  const file = path.join(dataDir, "bench.db");
  console.log(`\n== ${label}: ${incidents.toLocaleString()} incidents, ${(incidents * eventsPerIncident).toLocaleString()} timeline events`);
  // Let the console create and migrate the database, then seed it while it is stopped.
  let server = await startServer(dataDir);
  await server.stop();
  const t0 = performance.now();
  const { planArn, sampleArns } = seed(file, incidents, eventsPerIncident, ACCOUNT);
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  server = await startServer(dataDir);
  const base = `${server.url}`;
  const results = {};
  try {
    // Warm up the route handlers and the database cache.
    const warm = await prepared(base, sampleArns.slice(0, 50), getRequest);
    for (const r of warm) await send(base, r);

    const gets = await prepared(base, sampleArns, getRequest);
    results.get = await load(base, (i) => gets[i % gets.length]);
    console.log(`GetIncidentRecord            ${fmt(results.get)}`);

    // List pages: collect tokens by walking the list once, then measure first and deep pages.
    const tokens = [undefined];
    const walkDepth = Math.min(Math.floor((incidents * 0.8) / 100) - 1, 400);
    for (let p = 0; p < walkDepth; p++) {
      const res = await send(base, await signed(base, "POST", "/api/aws/ssm-incidents/listIncidentRecords", listBody(tokens[tokens.length - 1])));
      const next = JSON.parse(res.body).nextToken;
      if (!next) break;
      tokens.push(next);
    }
    const firstPage = [await signed(base, "POST", "/api/aws/ssm-incidents/listIncidentRecords", listBody(undefined))];
    results.listFirst = await load(base, () => firstPage[0], { seconds: SECONDS / 2 });
    console.log(`ListIncidentRecords page 1   ${fmt(results.listFirst)}`);
    const deep = await Promise.all(tokens.slice(-20).map((t) => signed(base, "POST", "/api/aws/ssm-incidents/listIncidentRecords", listBody(t))));
    results.listDeep = await load(base, (i) => deep[i % deep.length], { seconds: SECONDS / 2 });
    console.log(`ListIncidentRecords page ${String(tokens.length).padEnd(4)}${fmt(results.listDeep)}`);

    const timeline = await prepared(base, sampleArns, (b, arn) =>
      signed(b, "POST", "/api/aws/ssm-incidents/listTimelineEvents", JSON.stringify({ incidentRecordArn: arn, maxResults: 100 })),
    );
    results.timeline = await load(base, (i) => timeline[i % timeline.length], { seconds: SECONDS / 2 });
    console.log(`ListTimelineEvents           ${fmt(results.timeline)}`);

    const starts = await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        signed(base, "POST", "/api/aws/ssm-incidents/startIncident", JSON.stringify({ responsePlanArn: planArn, title: `bench ${i}`, clientToken: randomUUID() })),
      ),
    );
    results.start = await load(base, (i) => starts[i % starts.length], { seconds: SECONDS / 2 });
    console.log(`StartIncident                ${fmt(results.start)}`);

    await server.stop();
    const bare = await startBare(file);
    const bareGets = sampleArns.map((arn) => ({ method: "GET", path: `/getIncidentRecord?arn=${encodeURIComponent(arn)}`, headers: {} }));
    results.bare = await load(bare.url, (i) => bareGets[i % bareGets.length]);
    console.log(`bare node:http GetIncident   ${fmt(results.bare)}`);
    await bare.stop();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

// ───────────────────────────── main ─────────────────────────────

const dist = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(root, dist, "BUILD_ID"))) {
  console.error(`No production build in ${dist}/: run \`npm run build\` first.`);
  process.exit(1);
}
console.log(`bench: ${CONCURRENCY} concurrent clients, ${SECONDS} s per read measurement, SQLite, node ${process.version}`);
const small = await measureDataset("small", 1_000, EVENTS_PER_INCIDENT);
const large = await measureDataset("large", INCIDENTS, EVENTS_PER_INCIDENT);

const ratio = (a, b) => (a / b).toFixed(2);
const check = (ok) => (ok ? "ok " : "MISS");
console.log(`\n== summary (targets from issue 3)`);
console.log(`${check(large.get.rps >= 2000 && large.get.p99 <= 15)} GetIncidentRecord ${large.get.rps.toFixed(0)} req/s (target ≥ 2000), p99 ${large.get.p99.toFixed(1)} ms (target ≤ 15)`);
console.log(`${check(Math.max(large.listFirst.p95, large.listDeep.p95) <= 25)} ListIncidentRecords p95 first ${large.listFirst.p95.toFixed(1)} ms, deep ${large.listDeep.p95.toFixed(1)} ms (target ≤ 25 at any depth)`);
console.log(`${check(large.timeline.p95 <= 25)} ListTimelineEvents p95 ${large.timeline.p95.toFixed(1)} ms${large.timeline.errors ? " (errors: " + large.timeline.firstError + ")" : ""}`);
console.log(`    StartIncident ${large.start.rps.toFixed(0)} req/s`);
console.log(`${check(Math.max(large.get.p50 / small.get.p50, large.listDeep.p50 / small.listDeep.p50, large.timeline.p50 / small.timeline.p50) <= 1.5)} cost at ${INCIDENTS.toLocaleString()} vs 1,000 (p50): GetIncidentRecord ×${ratio(large.get.p50, small.get.p50)}, list deep ×${ratio(large.listDeep.p50, small.listDeep.p50)}, timeline ×${ratio(large.timeline.p50, small.timeline.p50)} (target ≤ 1.5)`);
console.log(`    stack overhead: our GetIncidentRecord throughput is ${ratio(large.get.rps, large.bare.rps)} of a bare node:http + SQLite server's (p50 ×${ratio(large.get.p50, large.bare.p50)})`);
process.exit(0);
