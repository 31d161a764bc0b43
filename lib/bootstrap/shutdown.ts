// What a console process closes when it stops, once its HTTP server has drained (server/main.ts):
// the engine's scheduler after the tick in progress (a step it claimed and didn't finish is
// claimed again after its lease, by this instance once it is back or by another), the loops the
// layers above registered (stopWithServices: the alert processing), the live bus (PostgreSQL's
// LISTEN connection), then the database connections (Prisma's, and SQLite's reader).
import "server-only";
import { closeDb } from "@/lib/db/client";
import { closeLiveBus } from "@/lib/live";
import { stopEngineScheduler } from "./start";

// On globalThis: the production server and Next's bundle each have a copy of this module, and a
// loop registered in one is stopped by the other's closeServices.
const registry = globalThis as unknown as { imStopWithServices?: Map<string, () => Promise<void>> };

/**
 * A loop of a layer above (it can't be imported from here) that closeServices stops, after the
 * engine and before the database closes. Registered again under the same name, it replaces.
 */
export function stopWithServices(name: string, stop: () => Promise<void>): void {
  (registry.imStopWithServices ??= new Map()).set(name, stop);
}

export async function closeServices(log: (line: string) => void): Promise<void> {
  await stopEngineScheduler();
  log("engine stopped after its current tick");
  const loops = [...(registry.imStopWithServices ?? new Map<string, () => Promise<void>>())];
  registry.imStopWithServices?.clear();
  for (const [name, stop] of loops) {
    await stop();
    log(`${name} stopped after its current tick`);
  }
  await closeLiveBus();
  log("live bus closed");
  await closeDb();
  log("databases closed");
}
