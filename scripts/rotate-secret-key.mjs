#!/usr/bin/env node
// `npm run secrets:rotate`: runs the rotation `npm run build` bundled (server/rotate-secret-key.ts →
// <NEXT_DIST_DIR or .next>/im-rotate-secret-key.mjs). Stop the console first; start it after.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const bundle = path.resolve(process.env.NEXT_DIST_DIR || ".next", "im-rotate-secret-key.mjs");
if (!existsSync(bundle)) {
  console.error(`No bundle at ${bundle}: run \`npm run build\` first.`);
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
