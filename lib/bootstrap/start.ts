// What the console does once when it starts: bring the database up to date, create the first
// admin from IM_ADMIN_EMAIL / IM_ADMIN_PASSWORD, and (local mode) set up Incident Manager with a
// replication set in the configured region, as DESIGN.md says, and start the engagement engine's
// scheduler.
import "server-only";
import { randomUUID } from "node:crypto";
import { sealApiKeys } from "@/lib/api-keys/seal-keys";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { migrate } from "@/lib/db/migrate";
import { principalArn } from "@/lib/im/arns";
import { isImError } from "@/lib/im/errors";
import { localServices } from "@/lib/im/local";
import { systemClock } from "@/lib/im/local/clock";
import { startScheduler } from "@/lib/im/local/engine";
import type { Scheduler } from "@/lib/jobs";
import { liveBus } from "@/lib/live";
import { serverKeys } from "@/lib/secrets/server-key";
import { processNotifier } from "./services";

export async function ensureFirstAdmin(): Promise<void> {
  const cfg = config();
  if (!cfg.adminEmail || !cfg.adminPassword) return;
  const email = cfg.adminEmail.trim().toLowerCase();
  const existing = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return;
  try {
    await db().user.create({
      data: {
        id: randomUUID(),
        email,
        name: email.split("@")[0],
        passwordHash: await hashPassword(cfg.adminPassword),
        role: "admin",
      },
    });
  } catch (e) {
    // Another console starting on the same database created this admin since our look: done.
    if (isUniqueViolation(e, "email")) return;
    throw e;
  }
  console.log(`[bootstrap] created the first admin ${email}`);
}

export async function ensureReplicationSet(): Promise<void> {
  const cfg = config();
  const caller = { principalArn: principalArn(cfg.accountId, "incident-manager-console") };
  const { incidents } = localServices(caller, { db: db(), accountId: cfg.accountId, region: cfg.region });
  const { replicationSetArns } = await incidents.listReplicationSets({});
  if (replicationSetArns?.length) return;
  try {
    await incidents.createReplicationSet({ regions: { [cfg.region]: {} } });
    console.log(`[bootstrap] created the replication set in ${cfg.region}`);
  } catch (e) {
    // Another instance sharing the database created it first.
    if (!isImError(e) || e.code !== "ConflictException") throw e;
  }
}

const globalForEngine = globalThis as unknown as { imScheduler?: Scheduler };

/**
 * Local mode: the engagement engine's scheduler ticks in this process (each console instance runs
 * one; claims keep them from firing a step twice). Kept on globalThis so a dev-server reload
 * doesn't start a second loop.
 */
export function startEngineScheduler(): Scheduler {
  const cfg = config();
  if (!globalForEngine.imScheduler) {
    const scheduler = startScheduler(
      { db: db(), clock: systemClock, notifier: processNotifier(), accountId: cfg.accountId, region: cfg.region },
      // Pages sent, escalation stages started: consoles showing engagements refetch.
      { onTick: () => liveBus().publish({ service: "ssm-contacts", operation: "EngineTick", at: Date.now() }) },
    );
    globalForEngine.imScheduler = scheduler;
    // Stop ticking when the server shuts down, so no new step is claimed while it exits (a step in
    // flight is claimed again after its lease). Only alongside the server's own handlers, which
    // exit the process: a listener of ours alone would keep SIGTERM from ending it.
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      if (process.listenerCount(signal) > 0) process.once(signal, () => void stopEngineScheduler());
    }
  }
  return globalForEngine.imScheduler;
}

export async function stopEngineScheduler(): Promise<void> {
  const scheduler = globalForEngine.imScheduler;
  globalForEngine.imScheduler = undefined;
  await scheduler?.stop();
}

// On globalThis: the production server (server/main.ts, bundled by esbuild) and Next's
// instrumentation hook (bundled by Next) each have their own copy of this module in one process.
const globalForBootstrap = globalThis as unknown as { imBootstrap?: Promise<void> };

/** Runs once per process; safe when several instances start against one database. */
export function bootstrap(): Promise<void> {
  globalForBootstrap.imBootstrap ??= (async () => {
    const cfg = config();
    // Users, API keys and idempotency records live in the database in both modes.
    const { applied } = await migrate(cfg.databaseUrl);
    if (applied.length) console.log(`[bootstrap] applied migrations: ${applied.join(", ")}`);
    await ensureFirstAdmin();
    if (cfg.backend === "local") {
      // The server key first: with PostgreSQL and no IM_SECRET_KEY the console refuses to start,
      // saying why, rather than failing each API call that needs it.
      serverKeys();
      // API keys stored before sealing, or sealed with a key rotated out since: sealed now.
      const { sealed, unreadable } = await sealApiKeys(db());
      if (sealed) console.log(`[bootstrap] sealed ${sealed} API key${sealed === 1 ? "" : "s"} with the server key`);
      if (unreadable.length) console.error(`[bootstrap] these API keys were sealed with a server key this console doesn't have, and won't work: ${unreadable.join(", ")}`);
      await ensureReplicationSet();
      startEngineScheduler();
    }
  })();
  return globalForBootstrap.imBootstrap;
}
