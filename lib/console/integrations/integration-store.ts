// Alert integrations in the console's database (AlertIntegration): add one (its token returned
// once, only the token's SHA-256 kept), rotate its token, revoke it, list a plan's, and send it a
// test alert through the real intake. The actions (./actions.ts) check the session, the role, the
// console's mode and the response plan before calling these; the writes are scoped by id in their
// `where`, and a revoked integration's token is never changed again (the conditional update, not
// a read before it, decides a rotate racing a revoke). Rotating and revoking tell this process's
// intake to forget the integration's cached token (lib/console/alerts/integration-cache.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { iso } from "@/lib/console/core/names";
import { acceptDelivery } from "@/lib/console/alerts/intake";
import { forgetIntegration } from "@/lib/console/alerts/integration-cache";
import { ALERT_KINDS, type AlertKind } from "@/lib/console/alerts/normalized";
import { readSeverityMap } from "@/lib/console/alerts/severity";
import type { Db } from "@/lib/db/client";
import type { AlertIntegrationModel } from "@/lib/db/generated/sqlite/models";
import { conflict, ImError, notFound } from "@/lib/im/errors";
import { bearerTokenHash, newBearerToken } from "@/lib/secrets/bearer-token";
import type { IntegrationOption, IntegrationRow, IntegrationWithToken, TestAlertSent } from "./dto";
import { ingestionPath } from "./paths";
import { testAlertBody } from "./test-alert";

/** How many active integrations one response plan may have (each is a way in). */
export const MAX_INTEGRATIONS_PER_PLAN = 50;

const ROW_SELECT = {
  id: true,
  name: true,
  kind: true,
  responsePlanArn: true,
  createdBy: true,
  createdAt: true,
  tokenRotatedAt: true,
  severityMap: true,
  autoResolve: true,
  lastAlertAt: true,
  alertCount: true,
  revokedAt: true,
} as const;
type Selected = Pick<AlertIntegrationModel, keyof typeof ROW_SELECT>;

function kindOf(kind: string): AlertKind {
  return (ALERT_KINDS as readonly string[]).includes(kind) ? (kind as AlertKind) : "GENERIC";
}

function severityMapOf(json: string): Record<string, number> {
  try {
    return readSeverityMap(JSON.parse(json)).map;
  } catch {
    return {};
  }
}

function toRow(row: Selected, names: Map<string, string>): IntegrationRow {
  return {
    id: row.id,
    name: row.name,
    kind: kindOf(row.kind),
    responsePlanArn: row.responsePlanArn,
    createdBy: names.get(row.createdBy) ?? row.createdBy,
    createdAt: iso(row.createdAt)!,
    tokenRotatedAt: iso(row.tokenRotatedAt)!,
    severityMap: severityMapOf(row.severityMap),
    autoResolve: row.autoResolve,
    alertCount: row.alertCount,
    ...(row.lastAlertAt ? { lastAlertAt: iso(row.lastAlertAt) } : {}),
    ...(row.revokedAt ? { revokedAt: iso(row.revokedAt) } : {}),
    ingestionPath: ingestionPath(row.id),
  };
}

/** createdBy holds the adding user's e-mail: shown as their name while the user exists. */
async function creatorNames(db: Db, rows: Selected[]): Promise<Map<string, string>> {
  const emails = [...new Set(rows.map((r) => r.createdBy))];
  if (emails.length === 0) return new Map();
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true, name: true } });
  return new Map(users.map((u) => [u.email, u.name || u.email]));
}

async function rowsOf(db: Db, rows: Selected[]): Promise<IntegrationRow[]> {
  const names = await creatorNames(db, rows);
  return rows.map((r) => toRow(r, names));
}

export type NewIntegration = {
  responsePlanArn: string;
  name: string;
  kind: AlertKind;
  severityMap: Record<string, number>;
  autoResolve: boolean;
  /** The adding user's e-mail. */
  createdBy: string;
};

/** Adds an integration to a plan (which the caller checked exists); the token is returned once and never stored. */
export async function createIntegration(db: Db, input: NewIntegration, now = new Date()): Promise<IntegrationWithToken> {
  const count = await db.alertIntegration.count({ where: { responsePlanArn: input.responsePlanArn, revokedAt: null } });
  if (count >= MAX_INTEGRATIONS_PER_PLAN) {
    throw new ImError("ServiceQuotaExceededException", `This response plan has ${count} active integrations, the most one plan may have: revoke one it no longer needs.`);
  }
  const token = newBearerToken();
  const row = await db.alertIntegration.create({
    data: {
      id: randomUUID(),
      responsePlanArn: input.responsePlanArn,
      name: input.name,
      kind: input.kind,
      tokenHash: bearerTokenHash(token),
      severityMap: JSON.stringify(input.severityMap),
      autoResolve: input.autoResolve,
      createdBy: input.createdBy,
      createdAt: now,
      tokenRotatedAt: now,
    },
    select: ROW_SELECT,
  });
  const [integration] = await rowsOf(db, [row]);
  return { integration: integration!, token };
}

async function found(db: Db, id: string): Promise<Selected> {
  const row = await db.alertIntegration.findUnique({ where: { id }, select: ROW_SELECT });
  if (!row) throw notFound("ALERT_INTEGRATION", id, "There is no such alert integration: it may have been deleted.");
  return row;
}

const revokedConflict = (row: Selected) =>
  conflict("ALERT_INTEGRATION", row.id, `${row.name} is revoked: it accepts no alerts and its token can't be rotated. Add a new integration instead.`);

/** A new token for an active integration; the old one stops working at once. */
export async function rotateIntegrationToken(db: Db, id: string, now = new Date()): Promise<IntegrationWithToken> {
  const token = newBearerToken();
  const { count } = await db.alertIntegration.updateMany({ where: { id, revokedAt: null }, data: { tokenHash: bearerTokenHash(token), tokenRotatedAt: now } });
  // This process's intake stops trusting the old token now (other instances within seconds).
  forgetIntegration(id);
  const row = await found(db, id);
  if (count === 0) throw revokedConflict(row);
  const [integration] = await rowsOf(db, [row]);
  return { integration: integration!, token };
}

/** Revokes an integration for good: its token is refused from now on. Revoking it again changes nothing. */
export async function revokeIntegration(db: Db, id: string, now = new Date()): Promise<IntegrationRow> {
  await db.alertIntegration.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  forgetIntegration(id);
  const [row] = await rowsOf(db, [await found(db, id)]);
  return row!;
}

/** One integration as the console shows it (the actions' answers, the Alerts page's filter chip). */
export async function getIntegration(db: Db, id: string): Promise<IntegrationRow> {
  const [row] = await rowsOf(db, [await found(db, id)]);
  return row!;
}

/** A plan's integrations: the active ones first, each part newest first (revoked ones are kept: their alerts name them). */
export async function listIntegrations(db: Db, responsePlanArn: string): Promise<IntegrationRow[]> {
  const rows = await db.alertIntegration.findMany({
    where: { responsePlanArn },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
    select: ROW_SELECT,
  });
  return rowsOf(db, [...rows.filter((r) => !r.revokedAt), ...rows.filter((r) => r.revokedAt)]);
}

/** Every integration by name with its plan's name, for the Alerts page's filter. */
export async function integrationOptions(db: Db): Promise<IntegrationOption[]> {
  const rows = await db.alertIntegration.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, name: true, responsePlanArn: true, revokedAt: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, responsePlanName: r.responsePlanArn.replace(/^.*:response-plan\//, ""), revoked: r.revokedAt !== null }));
}

/**
 * Sends the integration a test alert of its own kind through the intake (stored with its
 * processing job in one transaction, then processed as any alert). A revoked integration takes none.
 */
export async function sendTestAlert(db: Db, id: string, now = new Date()): Promise<TestAlertSent> {
  const integration = await db.alertIntegration.findUnique({ where: { id } });
  if (!integration) throw notFound("ALERT_INTEGRATION", id, "There is no such alert integration: it may have been deleted.");
  if (integration.revokedAt) throw conflict("ALERT_INTEGRATION", id, `${integration.name} is revoked: it accepts no alerts, test alerts included.`);
  const { alertIds } = await acceptDelivery(db, integration, testAlertBody(kindOf(integration.kind), integration.name, now), now);
  return { integrationId: id, alertIds };
}
