// After the server has started (and so migrated the database and created the first admin), add
// a responder and a viewer straight into that run's SQLite file. Test-only: nothing in the
// product creates users this way.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { AWS_MODE_BASE_URL, awsModeDatabaseFile, BASE_URL, e2eDatabaseFile, USERS } from "./support/env";

async function waitForHealth(baseUrl: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok && ((await res.json()) as { database?: { ok?: boolean } }).database?.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/api/health did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Adds the responder and the viewer to a console's SQLite database (its admin comes from IM_ADMIN_EMAIL). */
export async function addUsers(file: string) {
  const db = new Database(file);
  try {
    // Prisma's SQLite adapter stores DateTime as ISO-8601 text with an explicit offset.
    const now = new Date().toISOString().replace("Z", "+00:00");
    const insert = db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "active", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    for (const user of [USERS.responder, USERS.viewer]) {
      insert.run(randomUUID(), user.email, user.email.split("@")[0], await hashPassword(user.password), user.role, now, now);
    }
  } finally {
    db.close();
  }
}

export default async function globalSetup() {
  // Both consoles: the local-model one and the aws-mode one in front of it.
  await waitForHealth(BASE_URL);
  await addUsers(e2eDatabaseFile());
  await waitForHealth(AWS_MODE_BASE_URL);
  await addUsers(awsModeDatabaseFile());
}
