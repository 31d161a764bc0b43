// Starts the built console (`npm start`'s server) as the tests' real HTTP endpoint, on a free port, with
// its own database and data directory, and stops it again.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type ConsoleServer = {
  url: string;
  databaseUrl: string;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
  /** Sends the server a signal; `exited` resolves with its exit code (null if a signal ended it). */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
};

/** The bootstrap SigV4 key every test server accepts (admin role). */
export const BOOTSTRAP_KEY = { accessKeyId: "AKIATESTBOOTSTRAP000", secretAccessKey: "test-bootstrap-secret" };

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && ((await res.json()) as { database?: { ok?: boolean } }).database?.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the console did not answer /api/health within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Every server this process started and hasn't stopped. A test that times out while its server
 * starts never gets it back to stop; they all go when the test process exits, so no server is left
 * running after the run.
 */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export async function startConsoleServer(options: { databaseUrl: string; env?: Record<string, string> }): Promise<ConsoleServer> {
  const root = path.resolve(__dirname, "../..");
  if (!existsSync(path.join(root, distDir(), "BUILD_ID")) || !existsSync(path.join(root, distDir(), "im-server.mjs"))) {
    throw new Error(`No production build in ${distDir()}/: run \`npm run build\` first (npm test does).`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "im-server-"));
  let output = "";
  // Exactly what `npm start` runs: scripts/start.mjs → the bundled production server.
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      IM_DATA_DIR: dataDir,
      IM_BACKEND: "local",
      IM_PASSWORD_SCRYPT_LOG2N: "12",
      // One server key for every test console: two of them may share a PostgreSQL database.
      IM_SECRET_KEY: "dGVzdC1zZXJ2ZXIta2V5LXRoaXJ0eS10d28tYnl0ZXM=",
      IM_API_ACCESS_KEY_ID: BOOTSTRAP_KEY.accessKeyId,
      IM_API_SECRET_ACCESS_KEY: BOOTSTRAP_KEY.secretAccessKey,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  // "close": after the process exited and its output was read to the end.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  child.once("exit", () => running.delete(child));
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
    }
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, databaseUrl: options.databaseUrl, output: () => output, stop, kill: (signal) => child.kill(signal), exited };
}
