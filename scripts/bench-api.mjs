#!/usr/bin/env node
// `npm run bench:api` — the ssm-incidents endpoint under load, on SQLite (BENCH_DB=postgres: on
// SQLite and PostgreSQL in the same run, side by side).
//
// Seeds a large database (default 100,000 incidents with 10 timeline events each) and a small one
// (1,000 incidents), starts the production server on each (`npm run build` first), and reports
// through the HTTP endpoint, with SigV4-signed requests as the AWS SDK sends them:
//   - GetIncidentRecord: throughput, p50/p99 at 16 concurrent clients;
//   - ListIncidentRecords (filtered, 100 per page): first page and deep pages;
//   - ListTimelineEvents;
//   - API-key lookup: requests signed with a key the server doesn't hold (403 after one lookup;
//     keys that exist are cached for 5 s, so this is the lookup every uncached request pays);
//   - the console's incidents list (GET /api/incidents, signed in: 20 open incidents with their
//     engagement counts; the newest 40 open incidents have an engagement with two pages);
//   - StartIncident and CreateTimelineEvent (writes, each with a clientToken): throughput and
//     p50/p99 at 16 concurrent callers; StartIncident also with a plan that pages a contact (the
//     engagement and its page are written in the incident's transaction).
// The same GetIncidentRecord read is also served by a bare node:http server with one prepared
// statement (better-sqlite3; pg on PostgreSQL) in the same run, so the cost of our stack is
// reported as a ratio, not as a machine-dependent number. The two are measured in turns (four
// slices each, alternating), so a change in the machine's speed during the run falls on both.
// Each of our lines also gives the console process's CPU time per request (Linux /proc), which
// moves less with the machine's load than throughput does.
//
// BENCH_DB=postgres creates a database bench_<random> on BENCH_POSTGRES_URL
// (postgresql://postgres@127.0.0.1:5432/postgres), lets the console migrate it, seeds it in bulk
// on the server (INSERT … SELECT generate_series; the same rows as SQLite's seed), measures it
// right after SQLite at each size, prints SQLite | PostgreSQL | PG/SQLite, and drops it.
//
// Options (environment): BENCH_DB (sqlite | postgres), BENCH_INCIDENTS (100000; the small run is
// always 1,000), BENCH_EVENTS_PER_INCIDENT (10), BENCH_SECONDS (8 per measurement),
// BENCH_CONCURRENCY (16), NEXT_DIST_DIR (.next).
//
// BENCH_ONLY=writes measures only the two writes, at 1,000 incidents (or name the steps: see ONLY). BENCH_BASELINE=<dir>, a
// second checkout of the console with its own `npm ci && npm run build` (an earlier commit, say),
// runs every measurement on that checkout's server too, right before ours on an identical
// database, and prints ours against it: the speed-up of a change, measured in one run on one
// machine whatever else the machine is doing.
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import Database from "better-sqlite3";
import pg from "pg";
import { iso, percentile, seed, signIn, startConsole } from "./bench/common.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const EVENTS_PER_INCIDENT = Number(process.env.BENCH_EVENTS_PER_INCIDENT ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WITH_POSTGRES = process.env.BENCH_DB === "postgres";
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// BENCH_ONLY: "writes", or step keys (get, listFirst, listDeep, timeline, keyLookup, consoleList,
// start, startEngaging, createEvent, bare), comma-separated: only those, at 1,000 incidents, and no summary.
const ONLY = process.env.BENCH_ONLY === "writes" ? new Set(["start", "startEngaging", "createEvent"]) : process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : undefined;
const ONLY_SOME = ONLY !== undefined;
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
// Each write request is signed beforehand with its own clientToken and sent once; a measurement
// that runs out of them ends early (its rate is over the time it ran).
const WRITES_SIGNED = Number(process.env.BENCH_WRITES_SIGNED ?? 12_000);
const ACCOUNT = "000000000000";
const KEY = { accessKeyId: "AKIABENCHBOOTSTRAP00", secretAccessKey: "bench-bootstrap-secret" };
const ADMIN = { email: "bench@example.com", password: "bench-api-console-password" };
// PostgreSQL requires the server key every console instance shares; SQLite gets it too, alike.
const SECRET_KEY = randomBytes(32).toString("base64");
const signer = new SignatureV4({ service: "ssm-incidents", region: "us-east-1", credentials: KEY, sha256: Sha256 });
const contactsSigner = new SignatureV4({ service: "ssm-contacts", region: "us-east-1", credentials: KEY, sha256: Sha256 });
// A key no server holds: each request it signs costs one key lookup and answers 403.
const unknownSigner = new SignatureV4({
  service: "ssm-incidents",
  region: "us-east-1",
  credentials: { accessKeyId: "AKIABENCHUNKNOWN0000", secretAccessKey: "not-a-key-of-this-server" },
  sha256: Sha256,
});

// ───────────────────────────── helpers ─────────────────────────────

// BENCH_PROFILE=<dir>: write V8 CPU profiles of the console there (open them in Chrome DevTools).
const startServer = (dataDir, databaseUrl, serverRoot = root) =>
  startConsole({
    root: serverRoot,
    dataDir,
    key: KEY,
    account: ACCOUNT,
    env: (port) => ({
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      IM_SECRET_KEY: SECRET_KEY,
      IM_ADMIN_EMAIL: ADMIN.email,
      IM_ADMIN_PASSWORD: ADMIN.password,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    }),
    nodeArgs: process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-interval=200", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
  });

/** A signed request, as the SDK would send it (signatures stay valid for 15 minutes). */
async function signed(base, method, pathAndQuery, body, by = signer, extraHeaders = {}) {
  const url = new URL(base + pathAndQuery);
  const query = Object.fromEntries(url.searchParams);
  const req = new HttpRequest({
    method,
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host, ...(body ? { "content-type": "application/json" } : {}), ...extraHeaders },
    body,
  });
  const s = await by.sign(req);
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

/** CPU time (user + system) a process has used so far, in µs (Linux; undefined elsewhere). */
function cpuTime(pid) {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) / CLOCK_TICKS) * 1e6;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * Runs `next()` requests from CONCURRENCY clients for `seconds`; raw latencies (ms). With `pid`,
 * also the CPU time that process spent meanwhile.
 */
async function loadSlice(base, next, { seconds = SECONDS, concurrency = CONCURRENCY, expectStatus = [200], pid } = {}) {
  const latencies = [];
  let errors = 0;
  let firstError;
  const cpu0 = pid && cpuTime(pid);
  const began = performance.now();
  const end = began + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await next(i++);
        // A write's requests are signed beforehand, each once: a repeat would be a cheap replay.
        if (r === undefined) break;
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
  const elapsed = (Math.min(performance.now(), end) - began) / 1000;
  const cpu = cpu0 === undefined ? undefined : cpuTime(pid) - cpu0;
  return { latencies, elapsed, errors, firstError, cpu };
}

/** Throughput, percentiles and (when measured) server CPU per request over one or more slices. */
function summarize(slices) {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const elapsed = slices.reduce((t, s) => t + s.elapsed, 0);
  const cpu = slices.every((s) => s.cpu !== undefined) ? slices.reduce((t, s) => t + s.cpu, 0) : undefined;
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    n: latencies.length,
    cpuPerRequest: cpu === undefined || !latencies.length ? undefined : cpu / latencies.length,
    errors: slices.reduce((t, s) => t + s.errors, 0),
    firstError: slices.find((s) => s.firstError)?.firstError,
  };
}

const load = async (base, next, options) => summarize([await loadSlice(base, next, options)]);

/**
 * Two servers measured in turns (ROUNDS slices each, alternating), so that a change in the
 * machine's speed during the run falls on both alike: their ratio is what is compared.
 */
const ROUNDS = 4;
async function alternating(a, b, options = {}) {
  const slices = [[], []];
  const seconds = (options.seconds ?? SECONDS) / ROUNDS;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, { base, next, pid }] of [a, b].entries()) slices[k].push(await loadSlice(base, next, { ...options, seconds, pid }));
  }
  return slices.map(summarize);
}

const fmt = (r) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p95 ${r.p95.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  (${r.n} requests${r.cpuPerRequest === undefined ? "" : `, server CPU ${r.cpuPerRequest.toFixed(0)} µs each`}${r.errors ? `, ${r.errors} ERRORS: ${r.firstError}` : ""})`;

// ───────────────────────────── seeding ─────────────────────────────

const CONTACT_ARN = `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/bench-oncall`;
const ENGAGED_INCIDENTS = 40;

/**
 * The newest ENGAGED_INCIDENTS open incidents each get an engagement of one contact with two pages,
 * one of them read (acknowledged), so the console's list has counts to show.
 */
function engagementsFor(incidents) {
  return incidents.map(({ arn }) => {
    const engagementId = randomUUID();
    const at = Date.now() - 60_000;
    return {
      engagement: { id: engagementId, arn: `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:engagement/bench-oncall/${engagementId}`, incidentId: arn, at },
      pages: [0, 1].map((k) => {
        const id = randomUUID();
        return { id, arn: `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:page/bench-oncall/${id}`, engagementId, incidentId: arn, at: at + k, read: k === 0 };
      }),
    };
  });
}

function seedSqlite(file, incidents, eventsPerIncident) {
  const seeded = seed(file, incidents, eventsPerIncident, ACCOUNT);
  const db = new Database(file);
  const open = db.prepare(`SELECT arn FROM "IncidentRecord" WHERE status = 'OPEN' ORDER BY creationTime DESC, id DESC LIMIT ?`).all(ENGAGED_INCIDENTS);
  const insertEngagement = db.prepare(`INSERT INTO "Engagement" (id, arn, contactArn, sender, incidentId, startTime) VALUES (?, ?, ?, 'bench', ?, ?)`);
  const insertPage = db.prepare(`INSERT INTO "Page" (id, arn, engagementId, contactArn, sender, incidentId, isEssential, sentTime, readTime, createdAt)
    VALUES (?, ?, ?, ?, 'bench', ?, 1, ?, ?, ?)`);
  db.transaction(() => {
    for (const { engagement: e, pages } of engagementsFor(open)) {
      insertEngagement.run(e.id, e.arn, CONTACT_ARN, e.incidentId, iso(e.at));
      for (const p of pages) insertPage.run(p.id, p.arn, p.engagementId, CONTACT_ARN, p.incidentId, iso(p.at), p.read ? iso(p.at + 5_000) : null, iso(p.at));
    }
  })();
  db.close();
  return seeded;
}

/** A fresh database on the PostgreSQL server; `drop` removes it. */
async function createPostgresDatabase() {
  const name = `bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The rows seed() writes into SQLite (common.mjs), generated on the PostgreSQL server itself: one
 * INSERT … SELECT over generate_series per table (pg-copy-streams is not a dependency; the server
 * generates a million rows faster than a client can send them). Times are UTC `timestamp(3)`, as
 * Prisma stores them.
 */
async function seedPostgres(url, incidents, eventsPerIncident) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const plan = { id: randomUUID(), name: "bench-plan" };
    const planArn = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/${plan.name}`;
    const now = Date.now();
    const start = now - incidents * 60_000;
    const ts = (ms) => new Date(ms).toISOString().slice(0, -1);
    await c.query(`INSERT INTO "ResponsePlan" (id, arn, name, title, impact, "createdAt", "updatedAt") VALUES ($1, $2, $3, 'Bench incident', 3, $4, $4)`, [plan.id, planArn, plan.name, ts(now)]);
    await c.query(
      `INSERT INTO "IncidentRecord" (id, arn, "responsePlanId", "responsePlanArn", title, impact, status, "dedupeString", "createdBy", source,
         "creationTime", "lastModifiedBy", "lastModifiedTime", "resolvedTime", "nextEventSeq")
       SELECT s.id, $1::text || s.id, $2, $3, 'Incident ' || s.i, (s.i % 5) + 1, CASE WHEN s.i % 5 <> 0 THEN 'RESOLVED' ELSE 'OPEN' END, '',
         $4::text || (s.i % 7), 'aws.ssm-incidents.custom', s.created, $4::text || (s.i % 7), s.created,
         CASE WHEN s.i % 5 <> 0 THEN s.created + interval '30 seconds' END, $5::int
       FROM (SELECT i, gen_random_uuid()::text AS id, $7::timestamp + i * interval '1 minute' AS created FROM generate_series(0, $6::int - 1) AS i) AS s`,
      [`arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${plan.name}/`, plan.id, planArn, `arn:aws:iam::${ACCOUNT}:user/user-`, eventsPerIncident, incidents, ts(start)],
    );
    await c.query(
      `INSERT INTO "TimelineEvent" (id, "incidentId", "eventTime", "eventType", "eventData", "eventUpdatedTime", seq)
       SELECT gen_random_uuid()::text, r.id, r."creationTime" + e * interval '1 second',
         CASE WHEN e = 0 THEN 'SSM Incident Trigger' ELSE 'Custom Event' END,
         'event ' || e || ' of incident ' || substr(r.title, 10), r."creationTime" + e * interval '1 second', e
       FROM "IncidentRecord" r CROSS JOIN generate_series(0, $1::int - 1) AS e`,
      [eventsPerIncident],
    );
    const open = (await c.query(`SELECT arn FROM "IncidentRecord" WHERE status = 'OPEN' ORDER BY "creationTime" DESC, id DESC LIMIT $1`, [ENGAGED_INCIDENTS])).rows;
    for (const { engagement: e, pages } of engagementsFor(open)) {
      await c.query(`INSERT INTO "Engagement" (id, arn, "contactArn", sender, "incidentId", "startTime") VALUES ($1, $2, $3, 'bench', $4, $5)`, [e.id, e.arn, CONTACT_ARN, e.incidentId, ts(e.at)]);
      for (const p of pages) {
        await c.query(
          `INSERT INTO "Page" (id, arn, "engagementId", "contactArn", sender, "incidentId", "isEssential", "sentTime", "readTime", "createdAt")
           VALUES ($1, $2, $3, $4, 'bench', $5, true, $6, $7, $6)`,
          [p.id, p.arn, p.engagementId, CONTACT_ARN, p.incidentId, ts(p.at), p.read ? ts(p.at + 5_000) : null],
        );
      }
    }
    // What autovacuum would have done by the time a database this size is read, and the
    // checkpoint that would otherwise write the seeded rows out during the first measurement.
    await c.query(`VACUUM ANALYZE`);
    await c.query(`CHECKPOINT`);
    const arns = (await c.query(`SELECT arn FROM "IncidentRecord" ORDER BY "creationTime"`)).rows.map((r) => r.arn);
    return { planArn, sampleArns: arns.filter((_, i) => i % 97 === 0) };
  } finally {
    await c.end();
  }
}

// ───────────────────────────── the bare baseline ─────────────────────────────

function bareServer(getRow, close) {
  const server = http.createServer(async (req, res) => {
    const arn = new URL(req.url, "http://x").searchParams.get("arn");
    const row = await getRow(arn);
    if (!row) {
      res.writeHead(404).end();
      return;
    }
    const time = (v) => (v instanceof Date ? v.getTime() : Date.parse(v)) / 1000;
    const body = JSON.stringify({
      incidentRecord: {
        arn: row.arn, title: row.title, impact: row.impact, status: row.status,
        creationTime: time(row.creationTime), lastModifiedTime: time(row.lastModifiedTime),
        lastModifiedBy: row.lastModifiedBy, dedupeString: row.dedupeString,
        incidentRecordSource: { createdBy: row.createdBy, source: row.source },
      },
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => server.close(async () => (await close(), r()))) }),
    ),
  );
}

/** The least a server can do for GetIncidentRecord: node:http, one prepared statement, JSON. */
async function startBare(file, databaseUrl) {
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    const text = `SELECT * FROM "IncidentRecord" WHERE arn = $1`;
    return bareServer(async (arn) => (await pool.query({ name: "bare.get", text, values: [arn] })).rows[0], () => pool.end());
  }
  const db = new Database(file, { readonly: true });
  const get = db.prepare(`SELECT * FROM "IncidentRecord" WHERE arn = ?`);
  return bareServer(async (arn) => get.get(arn), async () => db.close());
}

// ───────────────────────────── measurements ─────────────────────────────

async function prepared(base, arns, make) {
  return Promise.all(arns.map((arn, i) => make(base, arn, i)));
}

const getRequest = (base, arn) => signed(base, "GET", `/api/aws/ssm-incidents/getIncidentRecord?arn=${encodeURIComponent(arn)}`);
const listBody = (nextToken) =>
  JSON.stringify({ filters: [{ key: "status", condition: { equals: { stringValues: ["RESOLVED"] } } }], maxResults: 100, ...(nextToken ? { nextToken } : {}) });

const NAMES = { sqlite: "SQLite", postgres: "PostgreSQL" };

/** WRITES_SIGNED StartIncident requests for `planArn`, each with its own clientToken; the i-th or undefined. */
async function signedStarts(base, planArn, title) {
  const starts = await Promise.all(
    Array.from({ length: WRITES_SIGNED }, (_, i) =>
      signed(base, "POST", "/api/aws/ssm-incidents/startIncident", JSON.stringify({ responsePlanArn: planArn, title: `${title} ${i}`, clientToken: randomUUID() })),
    ),
  );
  return (i) => starts[i];
}

/**
 * A response plan that engages one personal contact, made through the API: each incident it
 * starts also starts an engagement and pages the contact, in the same transaction.
 */
async function pagingPlan(base) {
  const alias = `bench-pager-${randomBytes(4).toString("hex")}`;
  const call = async (r) => {
    const res = await send(base, await r);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body);
  };
  const contact = await call(
    signed(base, "POST", "/api/aws/ssm-contacts/", JSON.stringify({ Alias: alias, DisplayName: "Bench pager", Type: "PERSONAL", Plan: { Stages: [] } }), contactsSigner, {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "SSMContacts.CreateContact",
    }),
  );
  const plan = await call(
    signed(base, "POST", "/api/aws/ssm-incidents/createResponsePlan", JSON.stringify({ name: alias, incidentTemplate: { title: "Bench paging", impact: 2 }, engagements: [contact.ContactArn] })),
  );
  return plan.arn;
}

/**
 * A seeded database of `database`'s kind with the production server running on it — the server of
 * this checkout, or of BENCH_BASELINE's (`baseline`).
 */
async function openDataset(database, incidents, eventsPerIncident, baseline = false) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "im-bench-"));
  const serverRoot = baseline ? BASELINE : root;
  const name = `${baseline ? "base " : ""}${NAMES[database]}`;
  const ds = { database, baseline, name, dataDir, file: path.join(dataDir, "bench.db"), results: {} };
  try {
    ds.pgDb = database === "postgres" ? await createPostgresDatabase() : undefined;
    // Let the console create and migrate the database, then seed it while it is stopped.
    ds.server = await startServer(dataDir, ds.pgDb?.url, serverRoot);
    await ds.server.stop();
    const t0 = performance.now();
    Object.assign(ds, ds.pgDb ? await seedPostgres(ds.pgDb.url, incidents, eventsPerIncident) : seedSqlite(ds.file, incidents, eventsPerIncident));
    console.log(`${ds.name}: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    ds.server = await startServer(dataDir, ds.pgDb?.url, serverRoot);
    ds.base = ds.server.url;
    // Warm up the route handlers and the database cache (every incident the measurements read).
    for (const r of await prepared(ds.base, ds.sampleArns, getRequest)) await send(ds.base, r);
    return ds;
  } catch (e) {
    await closeDataset(ds);
    throw e;
  }
}

async function closeDataset(ds) {
  await ds.bare?.stop();
  await ds.server?.stop();
  await ds.pgDb?.drop();
  rmSync(ds.dataDir, { recursive: true, force: true });
}

/**
 * Each measurement: how to make its requests on a dataset, and the load's options. With both
 * databases open, each is measured on SQLite and right after on PostgreSQL, so that a change in
 * the machine's load between the two halves of the run doesn't read as a difference between them.
 */
function steps(incidents) {
  return [
    ["get", "GetIncidentRecord", async (ds) => {
      const gets = await prepared(ds.base, ds.sampleArns, getRequest);
      return (i) => gets[i % gets.length];
    }],
    ["listFirst", "ListIncidentRecords page 1", async (ds) => {
      const first = await signed(ds.base, "POST", "/api/aws/ssm-incidents/listIncidentRecords", listBody(undefined));
      return () => first;
    }, { seconds: SECONDS / 2 }],
    ["listDeep", "ListIncidentRecords deep", async (ds) => {
      // Collect tokens by walking the list once, then measure the deepest pages.
      const tokens = [undefined];
      const walkDepth = Math.min(Math.floor((incidents * 0.8) / 100) - 1, 400);
      for (let p = 0; p < walkDepth; p++) {
        const res = await send(ds.base, await signed(ds.base, "POST", "/api/aws/ssm-incidents/listIncidentRecords", listBody(tokens[tokens.length - 1])));
        const next = JSON.parse(res.body).nextToken;
        if (!next) break;
        tokens.push(next);
      }
      ds.deepPage = tokens.length;
      const deep = await Promise.all(tokens.slice(-20).map((t) => signed(ds.base, "POST", "/api/aws/ssm-incidents/listIncidentRecords", listBody(t))));
      return (i) => deep[i % deep.length];
    }, { seconds: SECONDS / 2 }],
    ["timeline", "ListTimelineEvents", async (ds) => {
      const timeline = await prepared(ds.base, ds.sampleArns, (b, arn) =>
        signed(b, "POST", "/api/aws/ssm-incidents/listTimelineEvents", JSON.stringify({ incidentRecordArn: arn, maxResults: 100 })),
      );
      return (i) => timeline[i % timeline.length];
    }, { seconds: SECONDS / 2 }],
    ["keyLookup", "API-key lookup (403)", async (ds) => {
      const unknownKey = await prepared(ds.base, ds.sampleArns, (b, arn) =>
        signed(b, "GET", `/api/aws/ssm-incidents/getIncidentRecord?arn=${encodeURIComponent(arn)}`, undefined, unknownSigner),
      );
      return (i) => unknownKey[i % unknownKey.length];
    }, { seconds: SECONDS / 2, expectStatus: [403] }],
    ["consoleList", "console incidents list", async (ds) => {
      const jar = await signIn(ds.base, ADMIN);
      const consoleList = { method: "GET", path: "/api/incidents", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } };
      const sample = JSON.parse((await send(ds.base, consoleList)).body);
      const counted = sample.items?.filter((i) => i.engagements?.engaged > 0).length ?? 0;
      if (sample.items?.length !== 20 || counted !== 20) throw new Error(`console list: expected 20 incidents with engagements, got ${JSON.stringify(sample).slice(0, 300)}`);
      return () => consoleList;
    }, { seconds: SECONDS / 2 }],
    ["start", "StartIncident", (ds) => signedStarts(ds.base, ds.planArn, "bench"), { seconds: SECONDS / 2 }],
    ["startEngaging", "StartIncident, plan that pages", async (ds) => {
      ds.pagingPlanArn ??= await pagingPlan(ds.base);
      return signedStarts(ds.base, ds.pagingPlanArn, "bench paging");
    }, { seconds: SECONDS / 2 }],
    ["createEvent", "CreateTimelineEvent", async (ds) => {
      const at = Date.now() / 1000;
      const creates = await Promise.all(
        Array.from({ length: WRITES_SIGNED }, (_, i) =>
          signed(ds.base, "POST", "/api/aws/ssm-incidents/createTimelineEvent", JSON.stringify({
            incidentRecordArn: ds.sampleArns[i % ds.sampleArns.length],
            eventTime: at + i / 1000,
            eventType: "Custom Event",
            eventData: JSON.stringify(`bench note ${i}`),
            clientToken: randomUUID(),
          })),
        ),
      );
      return (i) => creates[i];
    }, { seconds: SECONDS / 2, expectStatus: [201] }],
  ].filter(([key]) => !ONLY || ONLY.has(key));
}

/** Every measurement at one size, on SQLite and (BENCH_DB=postgres) PostgreSQL; results by database. */
async function measureSize(label, incidents, eventsPerIncident) {
  const kinds = WITH_POSTGRES ? ["sqlite", "postgres"] : ["sqlite"];
  console.log(`\n== ${label}: ${incidents.toLocaleString()} incidents, ${(incidents * eventsPerIncident).toLocaleString()} timeline events`);
  const sets = [];
  try {
    for (const kind of kinds) {
      if (BASELINE) sets.push(await openDataset(kind, incidents, eventsPerIncident, true));
      sets.push(await openDataset(kind, incidents, eventsPerIncident));
    }
    // The seeded files reach the disk now rather than while a measurement runs.
    spawnSync("sync");
    // The bare server reads the same database beside ours; GetIncidentRecord is measured on the
    // two in turns, so the ratio between them holds however the machine's speed varies.
    const withBare = !ONLY || ONLY.has("bare");
    for (const ds of withBare ? sets.filter((d) => !d.baseline) : []) {
      ds.bare = await startBare(ds.file, ds.pgDb?.url);
      ds.bareGets = ds.sampleArns.map((arn) => ({ method: "GET", path: `/getIncidentRecord?arn=${encodeURIComponent(arn)}`, headers: {} }));
    }
    const bareLine = (ds) => console.log(`${ds.name.padEnd(10)} ${"bare node:http GetIncident".padEnd(28)} ${fmt(ds.results.bare)}`);
    for (const [key, name, setup, options] of steps(incidents)) {
      for (const ds of sets) {
        const next = await setup(ds);
        const ours = { base: ds.base, next, pid: ds.server.pid };
        if (key === "get" && ds.bare) {
          [ds.results.get, ds.results.bare] = await alternating(ours, { base: ds.bare.url, next: (i) => ds.bareGets[i % ds.bareGets.length] }, options);
        } else {
          ds.results[key] = await load(ds.base, next, { ...options, pid: ds.server.pid });
        }
        const title = key === "listDeep" ? `ListIncidentRecords page ${ds.deepPage}` : name;
        console.log(`${ds.name.padEnd(10)} ${title.padEnd(28)} ${fmt(ds.results[key])}`);
        if (key === "get" && ds.bare) bareLine(ds);
      }
    }
    for (const ds of sets.filter((d) => d.bare && !d.results.bare)) {
      ds.results.bare = await load(ds.bare.url, (i) => ds.bareGets[i % ds.bareGets.length]);
      bareLine(ds);
    }
  } finally {
    for (const ds of sets) await closeDataset(ds);
  }
  return Object.fromEntries(sets.map((ds) => [`${ds.baseline ? "base:" : ""}${ds.database}`, ds.results]));
}

// ───────────────────────────── main ─────────────────────────────

const dist = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(root, dist, "BUILD_ID"))) {
  console.error(`No production build in ${dist}/: run \`npm run build\` first.`);
  process.exit(1);
}
console.log(
  `bench: ${CONCURRENCY} concurrent clients, ${SECONDS} s per read measurement, ${WITH_POSTGRES ? "SQLite and PostgreSQL" : "SQLite"}, node ${process.version}`,
);
const sizes = ONLY_SOME ? [["small", 1_000]] : [
  ["small", 1_000],
  ["large", INCIDENTS],
];
const runs = {};
for (const [label, n] of sizes) runs[label] = await measureSize(label, n, EVENTS_PER_INCIDENT);

const ratio = (a, b) => (a / b).toFixed(2);
const check = (ok) => (ok ? "ok " : "MISS");
const cell = (r) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;

// Issue 17: each write at ≥ 3× the baseline's throughput, p99 ≤ 100 ms.
const WRITES = [["StartIncident", "start"], ["StartIncident, paging", "startEngaging"], ["CreateTimelineEvent", "createEvent"]];
for (const [label] of sizes) {
  for (const kind of WITH_POSTGRES ? ["sqlite", "postgres"] : ["sqlite"]) {
    const ours = runs[label][kind];
    const base = runs[label][`base:${kind}`];
    console.log(`\n== writes, ${label}, ${NAMES[kind]}: ${base ? "baseline | ours | ours/baseline (target ≥ 3, p99 ≤ 100 ms)" : "(BENCH_BASELINE=<checkout> compares with another build)"}`);
    for (const [name, key] of WRITES) {
      if (!ours[key]) continue;
      if (!base) {
        console.log(`${check(ours[key].p99 <= 100)} ${name.padEnd(22)} ${cell(ours[key])}`);
        continue;
      }
      const r = ours[key].rps / base[key].rps;
      console.log(`${check(r >= 3 && ours[key].p99 <= 100)} ${name.padEnd(22)} ${cell(base[key]).padEnd(40)} | ${cell(ours[key]).padEnd(40)} | ${r.toFixed(2)}`);
    }
  }
}
if (ONLY_SOME) {
  for (const [kind, r] of Object.entries(runs.small)) {
    if (r.get && r.bare) console.log(`\n${NAMES[kind.replace("base:", "")]}: our GetIncidentRecord throughput is ${ratio(r.get.rps, r.bare.rps)} of the bare server's (measured in turns; issue 17's target ≥ 0.7)`);
  }
  process.exit(0);
}

const small = runs.small.sqlite;
const large = runs.large.sqlite;
console.log(`\n== summary, SQLite (targets from issue 3)`);
console.log(`${check(large.get.rps >= 2000 && large.get.p99 <= 15)} GetIncidentRecord ${large.get.rps.toFixed(0)} req/s (target ≥ 2000), p99 ${large.get.p99.toFixed(1)} ms (target ≤ 15)`);
console.log(`${check(Math.max(large.listFirst.p95, large.listDeep.p95) <= 25)} ListIncidentRecords p95 first ${large.listFirst.p95.toFixed(1)} ms, deep ${large.listDeep.p95.toFixed(1)} ms (target ≤ 25 at any depth)`);
console.log(`${check(large.timeline.p95 <= 25)} ListTimelineEvents p95 ${large.timeline.p95.toFixed(1)} ms${large.timeline.errors ? " (errors: " + large.timeline.firstError + ")" : ""}`);
console.log(`${check(Math.max(large.get.p50 / small.get.p50, large.listDeep.p50 / small.listDeep.p50, large.timeline.p50 / small.timeline.p50) <= 1.5)} cost at ${INCIDENTS.toLocaleString()} vs 1,000 (p50): GetIncidentRecord ×${ratio(large.get.p50, small.get.p50)}, list deep ×${ratio(large.listDeep.p50, small.listDeep.p50)}, timeline ×${ratio(large.timeline.p50, small.timeline.p50)} (target ≤ 1.5)`);
console.log(`${check(large.get.rps / large.bare.rps >= 0.7)} stack overhead: our GetIncidentRecord throughput is ${ratio(large.get.rps, large.bare.rps)} of a bare node:http + SQLite server's (p50 ×${ratio(large.get.p50, large.bare.p50)}; issue 17's target ≥ 0.7)`);

if (WITH_POSTGRES) {
  // Issue 17: each hot read on PostgreSQL at ≥ 0.67 of SQLite's throughput, in the same run.
  const rows = [
    ["GetIncidentRecord", "get", true],
    ["ListIncidentRecords, page 1", "listFirst", true],
    ["ListIncidentRecords, deep page", "listDeep", true],
    ["ListTimelineEvents", "timeline", true],
    ["API-key lookup (unknown key, 403)", "keyLookup", true],
    ["console incidents list", "consoleList", true],
    ["StartIncident (a write)", "start", false],
    ["StartIncident, plan that pages (a write)", "startEngaging", false],
    ["CreateTimelineEvent (a write)", "createEvent", false],
    ["bare node:http + prepared statement", "bare", false],
  ];
  let missed = 0;
  for (const [label, n] of sizes) {
    const { sqlite, postgres } = runs[label];
    console.log(`\n== ${label} (${n.toLocaleString()} incidents): SQLite | PostgreSQL | PG/SQLite throughput (target ≥ 0.67)`);
    for (const [name, key, target] of rows) {
      const r = postgres[key].rps / sqlite[key].rps;
      if (target && r < 0.67) missed++;
      console.log(`${target ? check(r >= 0.67) : "   "} ${name.padEnd(38)} ${cell(sqlite[key]).padEnd(40)} | ${cell(postgres[key]).padEnd(40)} | ${r.toFixed(2)}`);
    }
    console.log(`    stack overhead on PostgreSQL: GetIncidentRecord ${ratio(postgres.get.rps, postgres.bare.rps)} of the bare pg server's throughput`);
  }
  console.log(missed ? `\n${missed} PostgreSQL read(s) below 0.67 of SQLite` : `\nevery PostgreSQL hot read at ≥ 0.67 of SQLite's throughput, at both sizes`);
}
process.exit(0);
