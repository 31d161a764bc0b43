// Next.js calls register() once when a server process starts: migrations and first-run set-up
// happen here, before the first request is served, and the console's own loops start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrap } = await import("./lib/bootstrap");
  await bootstrap();
  // Local mode: the alert intake's processing, next to the engine (lib/bootstrap can't import the
  // console layer, so it starts here; in the production server too, where Next runs this hook).
  const { startAlertProcessing } = await import("./lib/console/alerts/start");
  startAlertProcessing();
}
