// The one entry module above the services: it builds them for the configured backend (services.ts),
// starts what a console process runs (start.ts) and closes it when it stops (shutdown.ts). Only
// app/, server/, lib/console and lib/wire import it.
export { processNotifier, services } from "./services";
export { closeServices, stopWithServices } from "./shutdown";
export { bootstrap, ensureFirstAdmin, ensureReplicationSet, startEngineScheduler, stopEngineScheduler } from "./start";
