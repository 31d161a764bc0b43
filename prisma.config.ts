// Prisma CLI configuration for the SQLite schema (prisma/schema.prisma). The PostgreSQL copy has
// its own in prisma/postgresql/prisma.config.ts. Both use the JS schema engine with a driver
// adapter, so no native engine is ever downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { sqliteCliAdapter } from "./prisma/cli-adapters";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: sqliteCliAdapter,
});
