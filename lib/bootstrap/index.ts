// The one entry module above the services: it builds them for the configured backend (services.ts)
// and starts what a console process runs (start.ts). Only app/, server/, lib/console and lib/wire
// import it.
export { processNotifier, services } from "./services";
export { bootstrap, ensureFirstAdmin, ensureReplicationSet, startEngineScheduler, stopEngineScheduler } from "./start";
