// Prisma CLI configuration for the generated PostgreSQL schema (see scripts/gen-postgres-schema.mjs).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { postgresCliAdapter } from "../cli-adapters";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: postgresCliAdapter,
});
