// Reads of received alerts and alert groups (issue 15), as the signed-in user (incidents.read: an
// alert is what an incident started from): the Alerts page's list, newest first, a page at a time
// by an opaque cursor; one alert's raw payload when its row is opened; the groups behind an
// incident (its Alerts tab). Incidents are named by title (GetIncidentRecord through the services,
// once per incident on a page). Local mode only: an aws-mode console receives no alerts.
import "server-only";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { iso } from "@/lib/console/core/names";
import { requireLocalMode } from "./mode";
import { db, type Prisma } from "@/lib/db/client";
import { isImError, notFound, validation } from "@/lib/im/errors";
import type { AlertGroupLabel, AlertGroupRow, AlertPage, AlertPayload, AlertRow, IncidentRef } from "./dto";
import { receivedWindow, type AlertFilter } from "./filters";
import { ALERT_KINDS, ALERT_OUTCOMES, ALERT_STATUSES, type AlertKind, type AlertOutcome, type AlertStatus } from "./normalized";

/** Rows a page of the Alerts list holds. */
export const ALERT_PAGE_SIZE = 50;
/** Groups an incident's Alerts tab lists (far more than any incident gathers). */
export const MAX_INCIDENT_GROUPS = 500;

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T => ((values as readonly string[]).includes(value) ? (value as T) : fallback);

/** The cursor: where the last row of a page was, in the list's order (receivedAt desc, id desc). */
type Cursor = { at: Date; id: string };

export function encodeAlertCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at.toISOString(), c.id]), "utf8").toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (typeof at === "string" && typeof id === "string" && id.length <= 64 && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // fall through: not a cursor this console made
  }
  throw validation("cursor is not one this console gave: start the list again from its first page", [{ name: "cursor", message: "Not a cursor this console gave" }]);
}

/** Incidents by title, each read once; one deleted since keeps its ARN and no title. */
async function incidentTitles({ im }: ServiceContext, arns: string[]): Promise<Map<string, IncidentRef>> {
  const refs = await Promise.all(
    [...new Set(arns)].map(async (arn): Promise<IncidentRef> => {
      try {
        const { incidentRecord } = await im.incidents.getIncidentRecord({ arn });
        return { arn, title: incidentRecord?.title ?? "" };
      } catch (e) {
        if (isImError(e) && (e.code === "ResourceNotFoundException" || e.code === "ValidationException")) return { arn };
        throw e;
      }
    }),
  );
  return new Map(refs.map((r) => [r.arn, r]));
}

const ALERT_SELECT = {
  id: true,
  receivedAt: true,
  kind: true,
  title: true,
  status: true,
  outcome: true,
  outcomeReason: true,
  incidentArn: true,
  groupId: true,
  processedAt: true,
  integration: { select: { id: true, name: true } },
} as const;

/** The Alerts list: newest first, narrowed by the filter, a page after `cursor`. */
export async function readAlerts(ctx: ServiceContext, filter: AlertFilter, cursor: string | undefined, now = new Date()): Promise<AlertPage> {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const window = receivedWindow(filter, now);
  const and: Prisma.AlertWhereInput[] = [];
  if (filter.integration) and.push({ integrationId: filter.integration });
  if (filter.status) and.push({ status: filter.status });
  if (filter.outcome) and.push({ outcome: filter.outcome });
  if (filter.group) and.push({ groupId: filter.group });
  if (window.gte || window.lt) and.push({ receivedAt: window });
  if (after) and.push({ OR: [{ receivedAt: { lt: after.at } }, { receivedAt: after.at, id: { lt: after.id } }] });
  const rows = await db().alert.findMany({
    where: { AND: and },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: ALERT_PAGE_SIZE + 1,
    select: ALERT_SELECT,
  });
  const page = rows.slice(0, ALERT_PAGE_SIZE);
  const incidents = await incidentTitles(ctx, page.flatMap((r) => (r.incidentArn ? [r.incidentArn] : [])));
  const items = page.map(
    (r): AlertRow => ({
      id: r.id,
      receivedAt: iso(r.receivedAt)!,
      integration: r.integration,
      kind: oneOf<AlertKind>(ALERT_KINDS, r.kind, "GENERIC"),
      title: r.title,
      status: oneOf<AlertStatus>(ALERT_STATUSES, r.status, "FIRING"),
      outcome: oneOf<AlertOutcome>(ALERT_OUTCOMES, r.outcome, "PENDING"),
      ...(r.outcomeReason ? { outcomeReason: r.outcomeReason } : {}),
      ...(r.incidentArn ? { incident: incidents.get(r.incidentArn) } : {}),
      ...(r.groupId ? { groupId: r.groupId } : {}),
      ...(r.processedAt ? { processedAt: iso(r.processedAt) } : {}),
    }),
  );
  const last = page.at(-1);
  return { items, ...(rows.length > ALERT_PAGE_SIZE && last ? { nextCursor: encodeAlertCursor({ at: last.receivedAt, id: last.id }) } : {}) };
}

export function listAlerts(filter: AlertFilter, cursor?: string) {
  return withServices("listAlerts", "incidents.read", async (ctx) => {
    requireLocalMode();
    return readAlerts(ctx, filter, cursor);
  });
}

/** JSON pretty-printed; a payload that doesn't parse (it always should) is shown as stored. */
function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

export function getAlertPayload(id: string) {
  return withServices("getAlertPayload", "incidents.read", async (): Promise<AlertPayload> => {
    requireLocalMode();
    const row = await db().alert.findUnique({ where: { id }, select: { id: true, payload: true } });
    if (!row) throw notFound("ALERT", id, "There is no such alert: alerts are kept for a limited time, and this one may have been deleted.");
    return { id: row.id, payload: pretty(row.payload) };
  });
}

/** The alert groups behind an incident, first seen first. */
export async function readIncidentAlertGroups(incidentArn: string): Promise<AlertGroupRow[]> {
  const rows = await db().alertGroup.findMany({
    where: { incidentArn },
    orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
    take: MAX_INCIDENT_GROUPS,
    select: {
      id: true,
      title: true,
      status: true,
      count: true,
      firstSeenAt: true,
      lastSeenAt: true,
      resolvedAt: true,
      integration: { select: { id: true, name: true } },
    },
  });
  return rows.map((g) => ({
    id: g.id,
    title: g.title,
    integration: g.integration,
    status: g.status === "RESOLVED" ? "RESOLVED" : "FIRING",
    count: g.count,
    firstSeenAt: iso(g.firstSeenAt)!,
    lastSeenAt: iso(g.lastSeenAt)!,
    ...(g.resolvedAt ? { resolvedAt: iso(g.resolvedAt) } : {}),
  }));
}

export function listIncidentAlertGroups(incidentArn: string) {
  return withServices("listIncidentAlertGroups", "incidents.read", async () => {
    requireLocalMode();
    return readIncidentAlertGroups(incidentArn);
  });
}

/**
 * Whether an incident has alert groups (its page shows the Alerts tab only then). False in aws
 * mode, and when the read fails: the tab is a convenience, never a reason for the page to fail.
 */
export async function incidentHasAlerts(incidentArn: string): Promise<boolean> {
  const result = await withServices("incidentHasAlerts", "incidents.read", async () => {
    requireLocalMode();
    return (await db().alertGroup.count({ where: { incidentArn } })) > 0;
  });
  return result.ok && result.data;
}

/** The words of the Alerts page's group filter chip. */
export function getAlertGroupLabel(id: string) {
  return withServices("getAlertGroupLabel", "incidents.read", async (): Promise<AlertGroupLabel> => {
    requireLocalMode();
    const g = await db().alertGroup.findUnique({ where: { id }, select: { id: true, title: true, integration: { select: { name: true } } } });
    if (!g) throw notFound("ALERT_GROUP", id, "There is no such alert group.");
    return { id: g.id, title: g.title, integrationName: g.integration.name };
  });
}
