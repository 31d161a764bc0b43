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

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  alias: { "server-only": path.join(root, "test/support/empty.ts") },
  sourcemap: "linked",
  logLevel: "warning",
};
await build({ ...common, entryPoints: [path.join(root, "server/main.ts")], outfile });
// `npm run secrets:rotate` (server/rotate-secret-key.ts).
await build({ ...common, entryPoints: [path.join(root, "server/rotate-secret-key.ts")], outfile: path.join(root, distDir, "im-rotate-secret-key.mjs") });
console.log(`server bundled into ${path.relative(root, outfile)}`);
