#!/usr/bin/env node
// `npm run bench:hostile` — does one hostile request hold the whole process?
//
// Starts the production server (`npm run build` first) on a fresh SQLite database and, through
// both AWS-compatible endpoints with the real AWS SDK clients, sends every operation once per
// string member of its input (down to nested structures, list items and map keys) with that member
// set to a hostile value:
//   - "over":  1 MiB less a little (as much as the 1 MiB body limit lets through; in a URI label
//              or a query string, as much as the HTTP server takes), of the characters that make a
//              backtracking engine work hardest (spaces for `.*\S.*`, a run of word characters
//              ended by one that can't match for nested quantifiers);
//   - "max":   the longest value the model allows for that member, made of the same characters —
//              the value that passes the length check and reaches the pattern.
// Meanwhile a second client asks GET /api/health every few milliseconds. Printed: the worst and
// p99 /api/health latency during the attack, the same figures for a quiet period of the same
// length measured first in the same run (the baseline), and the slowest hostile request. The goal
// (issue 11) is a worst /api/health latency under 100 ms.
//
// Options (environment): BENCH_HOSTILE_BYTES (1 MiB - 4 KiB), BENCH_HOSTILE_ONLY (a service name,
// to attack one endpoint), NEXT_DIST_DIR (.next).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import * as contacts from "@aws-sdk/client-ssm-contacts";
import * as incidents from "@aws-sdk/client-ssm-incidents";
import { percentile, startConsole } from "./bench/common.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const OVER = Number(process.env.BENCH_HOSTILE_BYTES ?? 1024 * 1024 - 4096);
const ACCOUNT = "000000000000";
const KEY = { accessKeyId: "AKIABENCHBOOTSTRAP00", secretAccessKey: "bench-bootstrap-secret" };
const HEALTH_EVERY_MS = 5;

const SERVICES = [
  { id: "ssm-incidents", sdk: incidents, Client: incidents.SSMIncidentsClient, path: "/api/aws/ssm-incidents" },
  { id: "ssm-contacts", sdk: contacts, Client: contacts.SSMContactsClient, path: "/api/aws/ssm-contacts" },
].filter((s) => !process.env.BENCH_HOSTILE_ONLY || s.id === process.env.BENCH_HOSTILE_ONLY);

async function loadModel(id) {
  const { default: model } = await import(path.join(root, "lib/im/model", `${id}.json`), { with: { type: "json" } });
  return model;
}

// ───────────────────────────── inputs from the model ─────────────────────────────

/** A value of a string shape that passes its own rules, so only the member under attack is wrong. */
function validString(model, name, s) {
  if (s.enum) return s.enum[0];
  const samples = {
    Arn: `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/x`,
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/x`,
    SsmContactsArn: `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/x`,
    GeneratedId: "related-item/OTHER/0123456789ABCDEF0123456789ABCDEF",
    SsmAutomationDocumentNameString: "AWS-Doc",
    IncidentId: `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/p/1`,
    Uuid: "01234567-89ab-cdef-0123-456789abcdef",
    TimeZoneId: "Europe/Paris",
    AcceptCode: "123456",
    ActivationCode: "123456",
    Policy: "{}",
  };
  if (samples[name]) return samples[name];
  return "x".repeat(Math.max(s.min ?? 1, 1));
}

function validValue(model, name, depth = 0) {
  const s = model.shapes[name];
  switch (s.type) {
    case "structure": {
      const members = Object.entries(s.members ?? {});
      if (s.union) return { [members[0][0]]: validValue(model, members[0][1].shape, depth + 1) };
      return Object.fromEntries((s.required ?? []).map((m) => [m, validValue(model, s.members[m].shape, depth + 1)]));
    }
    case "string":
      return validString(model, name, s);
    case "integer":
    case "long":
      return s.min ?? 1;
    case "double":
    case "float":
      return 1;
    case "boolean":
      return true;
    case "timestamp":
      return new Date();
    case "blob":
      return new Uint8Array([120]);
    case "list":
      return Array.from({ length: s.min ?? 0 }, () => validValue(model, s.member.shape, depth + 1));
    case "map":
      return Object.fromEntries(Array.from({ length: s.min ?? 0 }, (_, i) => [`k${i}`, validValue(model, s.value.shape, depth + 1)]));
  }
}

/** Hostile values of a length: the characters backtracking patterns work hardest on. */
function hostile(length) {
  const spaces = " ".repeat(length);
  const run = "a".repeat(Math.max(length - 1, 0)) + "!";
  return [spaces, run];
}

/**
 * Every (label, input) that puts a hostile value in one string member of the operation's input,
 * down to nested structures, the first item of a list and a map's key and value.
 */
function attacks(model, inputShape) {
  const out = [];
  const visit = (structName, trail, build, seen) => {
    const s = model.shapes[structName];
    const base = validValue(model, structName);
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      const child = model.shapes[ref.shape];
      const place = (value) => {
        const obj = s.union ? {} : { ...base };
        obj[member] = value;
        return build(obj);
      };
      const label = [...trail, member].join(".");
      if (child.type === "string" && !child.enum) {
        const sizes = [["over", OVER]];
        if (child.max !== undefined && child.max > 64) sizes.push(["max", child.max]);
        for (const [kind, n] of sizes) for (const v of hostile(n)) out.push({ label: `${label} (${kind}, ${v[0] === " " ? "spaces" : "run"})`, input: place(v) });
      } else if (child.type === "structure" && !seen.has(ref.shape) && trail.length < 4) {
        visit(ref.shape, [...trail, member], (v) => place(v), new Set([...seen, ref.shape]));
      } else if (child.type === "list" && trail.length < 4) {
        const item = model.shapes[child.member.shape];
        if (item.type === "string" && !item.enum) {
          for (const v of hostile(OVER)) out.push({ label: `${label}[0] (over)`, input: place([v]) });
        } else if (item.type === "structure" && !seen.has(child.member.shape)) {
          visit(child.member.shape, [...trail, `${member}[0]`], (v) => place([v]), new Set([...seen, child.member.shape]));
        }
      } else if (child.type === "map") {
        const [v] = hostile(OVER);
        out.push({ label: `${label} key (over)`, input: place({ [v]: validValue(model, child.value.shape) }) });
        const valueShape = model.shapes[child.value.shape];
        if (valueShape.type === "string") out.push({ label: `${label} value (over)`, input: place({ k: hostile(OVER)[0] }) });
      }
    }
  };
  visit(inputShape, [], (v) => v, new Set([inputShape]));
  return out;
}

// ───────────────────────────── the run ─────────────────────────────

const startServer = (dataDir) => startConsole({ root, dataDir, key: KEY, account: ACCOUNT });

/**
 * Asks /api/health every few ms until stopped; returns the latencies (ms), sorted. Runs in a
 * worker thread: the attacking client's own work (serialising and signing megabyte bodies) must
 * not delay the probes' clock.
 */
function watchHealth(url) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    const http = require("node:http");
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const latencies = [];
    let running = true;
    parentPort.on("message", () => (running = false));
    (async () => {
      while (running) {
        const t0 = performance.now();
        await new Promise((resolve, reject) => {
          http.get(workerData.url + "/api/health", { agent }, (res) => { res.resume(); res.on("end", resolve); }).on("error", reject);
        });
        latencies.push({ ms: performance.now() - t0, at: performance.timeOrigin + t0 });
        await new Promise((r) => setTimeout(r, workerData.every));
      }
      agent.destroy();
      parentPort.postMessage(latencies);
    })();
    `,
    { eval: true, workerData: { url, every: HEALTH_EVERY_MS } },
  );
  return () =>
    new Promise((resolve, reject) => {
      worker.once("message", (latencies) => {
        void worker.terminate();
        resolve(latencies);
      });
      worker.once("error", reject);
      worker.postMessage("stop");
    });
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "im-bench-hostile-"));
  const server = await startServer(dataDir);
  try {
    const plan = [];
    for (const service of SERVICES) {
      const model = await loadModel(service.id);
      const client = new service.Client({
        endpoint: `${server.url}${service.path}`,
        region: "us-east-1",
        credentials: KEY,
        maxAttempts: 1,
      });
      for (const [op, spec] of Object.entries(model.operations)) {
        if (!spec.input) continue;
        const Command = service.sdk[`${op}Command`];
        if (!Command) continue;
        for (const a of attacks(model, spec.input.shape)) plan.push({ service: service.id, op, label: a.label, run: () => client.send(new Command(a.input)) });
      }
    }

    // Warm up (first requests compile routes and JIT), then the quiet baseline.
    for (let i = 0; i < 50; i++) await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
    const quietStop = watchHealth(server.url);
    // The attack's length is not known yet: a fixed quiet window of a few seconds is enough.
    await new Promise((r) => setTimeout(r, 5000));
    const quiet = (await quietStop()).map((p) => p.ms).sort((a, b) => a - b);

    const stop = watchHealth(server.url);
    const outcomes = new Map();
    const examples = new Map();
    const spans = [];
    let slowest = { ms: 0, label: "" };
    const attackStart = performance.now();
    for (const p of plan) {
      const s0 = performance.now();
      let outcome;
      try {
        await p.run();
        outcome = "accepted";
      } catch (e) {
        const status = e?.$metadata?.httpStatusCode;
        outcome = `${e?.name && e.name !== "Unknown" ? e.name : "error"}${status ? ` (HTTP ${status})` : ""}`;
      }
      const ms = performance.now() - s0;
      spans.push({ from: performance.timeOrigin + s0, to: performance.timeOrigin + s0 + ms, label: `${p.service} ${p.op} ${p.label}` });
      if (ms > slowest.ms) slowest = { ms, label: `${p.service} ${p.op} ${p.label}` };
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      // Answers without an HTTP status (the connection failed): which requests, to look at.
      if (!/HTTP \d/.test(outcome) && outcome !== "accepted" && (examples.get(outcome)?.length ?? 0) < 3) {
        examples.set(outcome, [...(examples.get(outcome) ?? []), `${p.service} ${p.op} ${p.label}`]);
      }
    }
    const attackSeconds = (performance.now() - attackStart) / 1000;
    const probes = await stop();
    const attacked = probes.map((p) => p.ms).sort((a, b) => a - b);
    // The hostile requests in flight during the slowest probes: what to look at first.
    const worst = [...probes].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_HOSTILE_SHOW ?? 5));

    console.log(`hostile requests: ${plan.length} in ${attackSeconds.toFixed(1)} s (${SERVICES.map((s) => s.id).join(" + ")}; ${OVER.toLocaleString("en")} characters over the limit, and each member's own maximum)`);
    console.log(`  answers: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    for (const [outcome, list] of examples) console.log(`  ${outcome}, e.g.: ${list.join("; ")}`);
    console.log(`  slowest hostile request: ${fmt(slowest.ms)} (${slowest.label})`);
    console.log(`/api/health while quiet:    p50 ${fmt(percentile(quiet, 50))}, p99 ${fmt(percentile(quiet, 99))}, worst ${fmt(quiet.at(-1))} (${quiet.length} probes)`);
    console.log(`/api/health under attack:   p50 ${fmt(percentile(attacked, 50))}, p99 ${fmt(percentile(attacked, 99))}, worst ${fmt(attacked.at(-1))} (${attacked.length} probes)`);
    for (const w of worst) {
      const during = spans.filter((s) => s.from < w.at + w.ms && s.to > w.at).map((s) => s.label);
      console.log(`  a slow probe: ${fmt(w.ms)} during ${during.join("; ") || "no hostile request"}`);
    }
    console.log(`worst under attack / worst quiet: ×${(attacked.at(-1) / quiet.at(-1)).toFixed(1)}; goal: worst under attack < 100 ms → ${attacked.at(-1) < 100 ? "met" : "NOT met"}`);
    // 501 is the honest answer of an operation the local model doesn't implement (rotations).
    const errors = [...outcomes.keys()].filter((k) => /HTTP 5(?!01)/.test(k));
    if (errors.length) {
      console.error(`server errors among the answers: ${errors.join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
