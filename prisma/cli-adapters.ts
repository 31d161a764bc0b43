// Driver adapters for the Prisma CLI (migrate, db push). Only the CLI uses these; the console's
// runtime client is built in lib/db/client.ts and migrations are applied by lib/db/migrate.ts.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

export async function sqliteCliAdapter() {
  const url = process.env.PRISMA_CLI_SQLITE_URL ?? "file:./.data/prisma-cli.db";
  return new PrismaBetterSQLite3({ url });
}

export async function postgresCliAdapter() {
  const connectionString =
    process.env.PRISMA_CLI_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  return new PrismaPg({ connectionString });
}
