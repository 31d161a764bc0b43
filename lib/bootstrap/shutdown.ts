// What a console process closes when it stops, once its HTTP server has drained (server/main.ts):
// the engine's scheduler after the tick in progress (a step it claimed and didn't finish is
// claimed again after its lease, by this instance once it is back or by another), the live bus
// (PostgreSQL's LISTEN connection), then the database connections (Prisma's, and SQLite's reader).
import "server-only";
import { closeDb } from "@/lib/db/client";
import { closeLiveBus } from "@/lib/live";
import { stopEngineScheduler } from "./start";

export async function closeServices(log: (line: string) => void): Promise<void> {
  await stopEngineScheduler();
  log("engine stopped after its current tick");
  await closeLiveBus();
  log("live bus closed");
  await closeDb();
  log("databases closed");
}
