#!/usr/bin/env node
// Part of `npm run build`: bundles the production server (server/main.ts and the TypeScript it
// imports from lib/) into <distDir>/im-server.mjs with esbuild, so `npm start` runs plain
// JavaScript. Packages stay in node_modules (imported at run time, as Next does for the
// serverExternalPackages); "server-only" — a marker that throws outside a React server bundle —
// is replaced by an empty module, as vitest.config.mts does.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const outfile = path.join(root, distDir, "im-server.mjs");

await build({
  entryPoints: [path.join(root, "server/main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  alias: { "server-only": path.join(root, "test/support/empty.ts") },
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`server bundled into ${path.relative(root, outfile)}`);
