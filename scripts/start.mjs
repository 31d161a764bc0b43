#!/usr/bin/env node
// `npm start`: the production server that `npm run build` bundled (server/main.ts →
// <NEXT_DIST_DIR or .next>/im-server.mjs). Options as `next start`: -p/--port, -H/--hostname.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const bundle = path.resolve(process.env.NEXT_DIST_DIR || ".next", "im-server.mjs");
if (!existsSync(bundle)) {
  console.error(`No server bundle at ${bundle}: run \`npm run build\` first.`);
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
