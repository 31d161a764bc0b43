// The process's live bus and the services wrapper that publishes to it. Local mode only: in aws
// mode changes happen in AWS, where no stream reaches us, and consoles poll instead.
import "server-only";
import { config, isPostgresUrl } from "@/lib/config";
import { memoryBus, postgresBus, type LiveBus } from "./bus";
import { streamSlots, type StreamSlots } from "./stream";

export type { LiveBus } from "./bus";
export type { LiveEvent } from "./events";
export { withLiveEvents } from "./publish";
export { liveStream, type StreamSlots } from "./stream";

const globalForLive = globalThis as unknown as { imLiveBus?: LiveBus; imLiveSlots?: StreamSlots };

export function liveBus(): LiveBus {
  if (!globalForLive.imLiveBus) {
    const { databaseUrl } = config();
    globalForLive.imLiveBus = isPostgresUrl(databaseUrl) ? postgresBus(databaseUrl) : memoryBus();
  }
  return globalForLive.imLiveBus;
}

/** Closes the process's bus, if it was opened (a stopping server, after its last request). */
export async function closeLiveBus(): Promise<void> {
  const bus = globalForLive.imLiveBus;
  globalForLive.imLiveBus = undefined;
  await bus?.close();
}

/** The process's count of open streams per user. */
export function liveStreamSlots(): StreamSlots {
  globalForLive.imLiveSlots ??= streamSlots();
  return globalForLive.imLiveSlots;
}
