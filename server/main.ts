// The production server (`npm start`): one node:http server in front of three request handlers.
//   /api/aws/ssm-incidents/** and /api/aws/ssm-contacts → server/aws-endpoints.ts (node:http
//     straight into lib/wire: issue 3's throughput targets are out of reach through a Next
//     route handler);
//   POST /api/integrations/<id> and /v2/enqueue → server/alert-intake.ts (the alert intake,
//     issue 15, on node:http for the same reason);
//   everything else → Next.js's own request handler (a documented Next "custom server").
// Bundled at build time by scripts/build-server.mjs into <distDir>/im-server.mjs and started by
// scripts/start.mjs. `next dev` keeps serving both through the route handlers in app/.
// SIGTERM or SIGINT stops it cleanly (README "Operating"): requests in flight finish (at most
// DRAIN_TIMEOUT_MS), then the engine, the live bus and the databases close, and it exits 0.
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { bootstrap, closeServices } from "@/lib/bootstrap";
import { alertIntake, alertIntakeFor } from "./alert-intake";
import { awsEndpoints, awsServiceFor } from "./aws-endpoints";
import { drainable } from "./drain";

/** How long a stop waits for requests in flight before cutting them off. */
const DRAIN_TIMEOUT_MS = 10_000;

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: true,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
// Like `next start`: every interface unless told otherwise.
const hostname = args.hostname;
const dir = process.env.IM_APP_DIR ?? process.cwd();

async function main() {
  // As `next start`: a production server whatever the shell says.
  (process.env as Record<string, string>).NODE_ENV = "production";
  // Migrations, the first admin, the engine's scheduler: once per process (lib/bootstrap/start.ts keeps
  // the guard on globalThis, so Next's instrumentation hook in this process finds it done).
  await bootstrap();

  const app = next({ dev: false, dir: path.resolve(dir), hostname: hostname ?? "localhost", port });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  const aws = awsEndpoints();
  const alerts = alertIntake();

  const server = createServer((req, res) => {
    // Who is on the other end, for sign-in throttling (lib/auth/throttle.ts): ours to say, never
    // the client's.
    req.headers["x-im-remote-address"] = req.socket.remoteAddress ?? "";
    const service = awsServiceFor(req.url);
    const intake = service ? undefined : alertIntakeFor(req.url);
    const handled = service ? aws(service, req, res) : intake ? alerts(intake, req, res) : nextHandler(req, res);
    handled.catch((e: unknown) => {
      // Every handler answers its own errors; this is the last resort. The path only: a query may
      // carry a secret (an alert integration's ?token=).
      console.error(`[server] ${req.method} ${(req.url ?? "").split("?", 1)[0]} failed`, e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  });
  // Node's default keep-alive timeout (5 s) is shorter than many clients' idle pools; as next start.
  server.keepAliveTimeout = 65_000;
  const requests = drainable(server);
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`[server] listening on http://${hostname ?? "localhost"}:${port}`);

  const log = (line: string) => console.log(`[server] ${line}`);
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) {
        // Asked twice: the operator doesn't want to wait.
        log(`${signal} again: exiting now`);
        process.exit(1);
      }
      stopping = true;
      log(`${signal}: stopping; no new connections, ${requests.inFlight()} requests in flight`);
      void stop().then(
        () => process.exit(0),
        (e: unknown) => {
          console.error("[server] could not stop cleanly", e);
          process.exit(1);
        },
      );
    });
  }

  async function stop() {
    const started = Date.now();
    const { answered, cut, streams } = await requests.drain(DRAIN_TIMEOUT_MS);
    log(`${answered} requests finished (${streams} event streams ended), ${cut} cut off, in ${Date.now() - started} ms`);
    await closeServices(log);
    log("stopped");
  }
}

main().catch((e: unknown) => {
  console.error("[server] could not start", e);
  process.exit(1);
});
