// Next.js calls register() once when a server process starts: migrations and first-run set-up
// happen here, before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrap } = await import("./lib/bootstrap");
  await bootstrap();
}
