// What the e2e run shares between the config, the global setup and the tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** A second console in aws mode, whose AWS endpoints are the first console's (local model). */
export const AWS_MODE_PORT = PORT + 1;
export const AWS_MODE_BASE_URL = `http://127.0.0.1:${AWS_MODE_PORT}`;
/** The first console's bootstrap SigV4 key: the aws-mode console's AWS credentials. */
export const BOOTSTRAP_KEY = { accessKeyId: "AKIAE2EBOOTSTRAPKEY0", secretAccessKey: "e2e-bootstrap-secret-access-key" };

export type E2eRole = "admin" | "responder" | "viewer";
export type E2eUser = { email: string; password: string; role: E2eRole };

export const USERS: Record<E2eRole, E2eUser> = {
  admin: { email: "admin@example.com", password: "e2e-admin-password", role: "admin" },
  responder: { email: "responder@example.com", password: "e2e-responder-password", role: "responder" },
  viewer: { email: "viewer@example.com", password: "e2e-viewer-password", role: "viewer" },
};

/**
 * A fresh data directory per run. The config is evaluated by the runner and again by every
 * worker; the environment variable carries the runner's choice to the workers it starts.
 */
export function e2eDataDir(): string {
  process.env.IM_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "im-e2e-"));
  return process.env.IM_E2E_DATA_DIR;
}

export function e2eDatabaseFile(): string {
  return path.join(e2eDataDir(), "incident-manager.db");
}

/** The aws-mode console keeps only its users in its own database. */
export function awsModeDatabaseFile(): string {
  return path.join(e2eDataDir(), "aws-mode", "console.db");
}
