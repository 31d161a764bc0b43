// Shared by the bench scripts (bench-api.mjs, bench-console.mjs, bench-schedules.mjs): ports,
// waiting for a server, signing in, a page's first-load JavaScript, percentiles, and bulk seeding
// of a migrated SQLite file.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";

export const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * The server `npm start` runs (scripts/start.mjs → the bundled server/main.ts), on a free port, with
 * a SQLite file in `dataDir` and `key` as its bootstrap SigV4 key; `env(port)` adds settings.
 * Resolves once /api/health answers.
 */
export async function startConsole({ root, dataDir, key, account, env = () => ({}), nodeArgs = [] }) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts/start.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      IM_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "bench.db")}`,
      IM_API_ACCESS_KEY_ID: key.accessKeyId,
      IM_API_SECRET_ACCESS_KEY: key.secretAccessKey,
      IM_ACCOUNT_ID: account,
      ...env(port),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child);
  return { url, pid: child.pid, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once("exit", r), child.kill("SIGTERM")))) };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export /** Bulk rows straight into the migrated SQLite file: the API would take hours for a million events. */
function seed(file, incidents, eventsPerIncident, ACCOUNT) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const plan = { id: randomUUID(), name: "bench-plan" };
  const planArn = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/${plan.name}`;
  const now = Date.now();
  db.prepare(`INSERT INTO "ResponsePlan" (id, arn, name, title, impact, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    plan.id, planArn, plan.name, "Bench incident", 3, iso(now), iso(now),
  );
  const insertIncident = db.prepare(`INSERT INTO "IncidentRecord"
    (id, arn, responsePlanId, responsePlanArn, title, impact, status, dedupeString, createdBy, source, creationTime, lastModifiedBy, lastModifiedTime, resolvedTime, nextEventSeq)
    VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, 'aws.ssm-incidents.custom', ?, ?, ?, ?, ?)`);
  // seq numbers each incident's events in the order written, as the console does (unique per incident).
  const insertEvent = db.prepare(`INSERT INTO "TimelineEvent" (id, incidentId, eventTime, eventType, eventData, eventUpdatedTime, seq) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const arns = [];
  const start = now - incidents * 60_000;
  const tx = db.transaction(() => {
    for (let i = 0; i < incidents; i++) {
      const id = randomUUID();
      const arn = `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${plan.name}/${id}`;
      const created = start + i * 60_000;
      const resolved = i % 5 !== 0; // 20% open
      const creator = `arn:aws:iam::${ACCOUNT}:user/user-${i % 7}`;
      insertIncident.run(id, arn, plan.id, planArn, `Incident ${i}`, (i % 5) + 1, resolved ? "RESOLVED" : "OPEN", creator, iso(created), creator, iso(created), resolved ? iso(created + 30_000) : null, eventsPerIncident);
      for (let e = 0; e < eventsPerIncident; e++) {
        const t = created + e * 1000;
        insertEvent.run(randomUUID(), id, iso(t), e === 0 ? "SSM Incident Trigger" : "Custom Event", `event ${e} of incident ${i}`, iso(t), e);
      }
      if (i % 97 === 0) arns.push(arn);
    }
  });
  tx();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { planArn, sampleArns: arns };
}


/**
 * Runs a TypeScript benchmark body (it uses the project's path aliases) under vitest — already a
 * dependency — with its console passed straight through; exits with vitest's verdict.
 * BENCH_PROFILE (a directory) writes CPU profiles there.
 */
export async function runTypeScriptBench(root, file) {
  const path = await import("node:path");
  const { startVitest } = await import("vitest/node");
  const vitest = await startVitest(
    "test",
    [],
    {
      config: false,
      root,
      include: [file],
      disableConsoleIntercept: true,
      testTimeout: 0,
      hookTimeout: 0,
      reporters: ["dot"],
      watch: false,
      ...(process.env.BENCH_PROFILE
        ? { pool: "forks", execArgv: ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] }
        : {}),
    },
    {
      resolve: {
        tsconfigPaths: true,
        alias: { "server-only": path.join(root, "test/support/empty.ts") },
      },
    },
  );
  await vitest?.close();
  process.exit(vitest?.state.getCountOfFailedTests() ? 1 : 0);
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Signs in through next-auth's endpoints; returns the cookies as name → value. */
export async function signIn(url, admin) {
  const jar = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email: admin.email, password: admin.password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error("sign-in failed");
  return jar;
}

/**
 * The JavaScript a browser downloads to show a page: every script response until the network is
 * idle (the page's own scripts and the chunks its components load on first render, until no
 * script has arrived for a second), gzipped as
 * the server would send it. `noModule` polyfills are not fetched by a modern browser, so they
 * don't count. BENCH_JS_DETAIL=1 prints each script.
 */
export async function firstLoadJs(browser, base, jar, pagePath) {
  const context = await browser.newContext({ baseURL: base });
  await context.addCookies([...jar].map(([name, value]) => ({ name, value, url: base })));
  const page = await context.newPage();
  const scripts = new Map();
  let last = performance.now();
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    last = performance.now();
    scripts.set(res.url(), res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(pagePath, { waitUntil: "load" });
  // The live stream keeps a request open, so "network idle" never comes: wait for a quiet second.
  while (performance.now() - last < 1000) await page.waitForTimeout(250);
  let raw = 0;
  let gz = 0;
  for (const [url, pending] of scripts) {
    const js = await pending;
    const size = gzipSync(js).length;
    raw += js.length;
    gz += size;
    if (process.env.BENCH_JS_DETAIL) console.log(`     ${kb(size).padStart(9)}  ${new URL(url).pathname}`);
  }
  await context.close();
  return { scripts: scripts.size, raw, gz };
}
