// Alert integrations through the console's real actions and reads, on a real database and the real
// local services (issue 15): adding one stores only its token's SHA-256 and returns the token once;
// rotating makes the old token worthless; revoking is for good; viewers are refused by the server;
// bad input is refused by name and changes nothing; a test alert goes through the real intake (an
// Alert row of the integration's kind, with its processing job); an aws-mode console refuses all.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ALERT_KINDS } from "@/lib/console/alerts/normalized";
import { suggestedSeverityMap } from "@/lib/console/alerts/severity";
import type { CreateIntegrationFormValues } from "@/lib/console/integrations/schemas";
import { toSeverityRows } from "@/lib/console/integrations/schemas";
import { localServices } from "@/lib/im/local";
import { JOB_QUEUE } from "@/lib/jobs";
import { BEARER_TOKEN_PATTERN, bearerTokenHash } from "@/lib/secrets/bearer-token";
import { consoleState, type TestUser as User } from "../support/console-seams";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";


vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db/client", (original) => import("../support/console-seams").then((s) => s.dbModule(original)));
vi.mock("@/lib/config", (original) => import("../support/console-seams").then((s) => s.configModule(original)));
vi.mock("@/lib/bootstrap/services", () => import("../support/console-seams").then((s) => s.servicesModule()));
vi.mock("@/lib/auth/session", () => import("../support/console-seams").then((s) => s.sessionModule()));

const { createIntegrationAction, revokeIntegrationAction, rotateIntegrationTokenAction, sendTestAlertAction } = await import("@/lib/console/integrations/actions");
const { listPlanIntegrations, listIntegrationOptions } = await import("@/lib/console/integrations/queries");
const { integrationLookup } = await import("@/lib/console/alerts/integration-cache");

const ADMIN = "arn:aws:iam::000000000000:user/admin@example.com";

describe.each(PROVIDERS)("alert integrations on %s", (provider) => {
  let t: TestDatabase;
  let planArn: string;
  let users: Record<"admin" | "responder" | "viewer", User>;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    consoleState.db = t.db;
    const im = localServices({ principalArn: ADMIN }, { db: t.db, accountId: "000000000000", region: "us-east-1" });
    planArn = (await im.incidents.createResponsePlan({ name: "checkout", incidentTemplate: { title: "Checkout", impact: 3 } })).arn!;
    const user = async (role: User["role"], name: string): Promise<User> => {
      const row = await t.db.user.create({ data: { id: `${role}-${provider}`, email: `${role}@example.com`, name, passwordHash: "unused", role } });
      return { id: row.id, email: row.email, name: row.name, role };
    };
    users = { admin: await user("admin", "Ada Admin"), responder: await user("responder", "Rui Responder"), viewer: await user("viewer", "Vic Viewer") };
  });
  afterEach(() => {
    consoleState.user = null;
    consoleState.backend = "local";
  });
  afterAll(async () => t.cleanup());

  const form = (over: Partial<CreateIntegrationFormValues> = {}): CreateIntegrationFormValues => ({
    responsePlanArn: planArn,
    name: "Prometheus prod",
    kind: "ALERTMANAGER",
    severityRows: toSeverityRows(suggestedSeverityMap("ALERTMANAGER")),
    autoResolve: true,
    ...over,
  });

  async function create(over: Partial<CreateIntegrationFormValues> = {}) {
    const made = await createIntegrationAction(form(over));
    if (!made.ok) throw new Error(`${made.error.name}: ${made.error.message}`);
    return made.data;
  }

  it("stores only the token's hash and returns the token once, with the intake path and the creator's name", async () => {
    consoleState.user = users.responder;
    const { integration, token } = await create({ severityRows: [{ severity: " Critical ", impact: "1" }, { severity: "warning", impact: "3" }] });
    expect(token).toMatch(BEARER_TOKEN_PATTERN);
    const row = await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } });
    expect(row.tokenHash).toBe(bearerTokenHash(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ responsePlanArn: planArn, name: "Prometheus prod", kind: "ALERTMANAGER", autoResolve: true, createdBy: "responder@example.com", revokedAt: null });
    expect(JSON.parse(row.severityMap)).toEqual({ critical: 1, warning: 3 });
    expect(integration).toMatchObject({ createdBy: "Rui Responder", ingestionPath: `/api/integrations/${integration.id}`, alertCount: 0, severityMap: { critical: 1, warning: 3 } });
    expect(integration).not.toHaveProperty("revokedAt");
    // The list never carries a token or its hash.
    const listed = await listPlanIntegrations(planArn);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.data.map((i) => i.id)).toContain(integration.id);
    expect(JSON.stringify(listed.data)).not.toContain(row.tokenHash);
    expect(JSON.stringify(listed.data)).not.toContain(token);
  });

  it("rotates the token: the new one maps to the stored hash, the old one no longer does", async () => {
    consoleState.user = users.admin;
    const { integration, token: old } = await create({ name: "Rotating" });
    const before = await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } });
    const rotated = await rotateIntegrationTokenAction({ id: integration.id });
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(rotated.data.token).toMatch(BEARER_TOKEN_PATTERN);
    expect(rotated.data.token).not.toBe(old);
    const after = await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } });
    expect(after.tokenHash).toBe(bearerTokenHash(rotated.data.token));
    expect(await t.db.alertIntegration.count({ where: { tokenHash: bearerTokenHash(old) } })).toBe(0);
    expect(after.tokenRotatedAt.getTime()).toBeGreaterThanOrEqual(before.tokenRotatedAt.getTime());
  });

  it("rotating and revoking stop the intake trusting a token it cached, at once", async () => {
    consoleState.user = users.admin;
    // The intake's lookup, trusting a matched token for a minute: only the actions' forgetting ends it early.
    const lookup = integrationLookup(t.db, { cacheMs: 60_000 });
    const { integration, token } = await create({ name: "Cached" });
    expect(await lookup.byId(integration.id, bearerTokenHash(token))).toMatchObject({ id: integration.id });
    const rotated = await rotateIntegrationTokenAction({ id: integration.id });
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(await lookup.byId(integration.id, bearerTokenHash(token))).toBeNull();
    expect(await lookup.byTokenHash(bearerTokenHash(rotated.data.token))).toMatchObject({ id: integration.id });
    expect(await lookup.byId(integration.id, bearerTokenHash(rotated.data.token))).toMatchObject({ id: integration.id });
    expect(await revokeIntegrationAction({ id: integration.id })).toMatchObject({ ok: true });
    expect(await lookup.byId(integration.id, bearerTokenHash(rotated.data.token))).toBeNull();
    expect(await lookup.byTokenHash(bearerTokenHash(rotated.data.token))).toBeNull();
  });

  it("revokes for good: no rotation, no test alert afterwards; revoking again changes nothing", async () => {
    consoleState.user = users.responder;
    const { integration } = await create({ name: "Going away" });
    const revoked = await revokeIntegrationAction({ id: integration.id });
    if (!revoked.ok) throw new Error(revoked.error.message);
    expect(revoked.data.revokedAt).toBeDefined();
    const again = await revokeIntegrationAction({ id: integration.id });
    expect(again).toEqual({ ok: true, data: revoked.data });
    const hash = (await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } })).tokenHash;
    expect(await rotateIntegrationTokenAction({ id: integration.id })).toMatchObject({ ok: false, error: { name: "ConflictException" } });
    expect((await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } })).tokenHash).toBe(hash);
    expect(await sendTestAlertAction({ id: integration.id })).toMatchObject({ ok: false, error: { name: "ConflictException" } });
    expect(await t.db.alert.count({ where: { integrationId: integration.id } })).toBe(0);
  });

  it("refuses a viewer's forced calls, and a signed-out caller's, changing nothing", async () => {
    consoleState.user = users.admin;
    const { integration } = await create({ name: "Guarded" });
    const hash = (await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } })).tokenHash;
    const count = await t.db.alertIntegration.count();
    for (const who of [users.viewer, null]) {
      consoleState.user = who;
      for (const result of [
        await createIntegrationAction(form({ name: "Sneaky" })),
        await rotateIntegrationTokenAction({ id: integration.id }),
        await revokeIntegrationAction({ id: integration.id }),
        await sendTestAlertAction({ id: integration.id }),
      ]) {
        expect(result).toMatchObject({ ok: false, error: { name: "AccessDeniedException" } });
      }
    }
    expect(await t.db.alertIntegration.count()).toBe(count);
    const row = await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } });
    expect(row).toMatchObject({ tokenHash: hash, revokedAt: null });
    expect(await t.db.alert.count({ where: { integrationId: integration.id } })).toBe(0);
    // A viewer still reads the list (without the controls).
    consoleState.user = users.viewer;
    expect((await listPlanIntegrations(planArn)).ok).toBe(true);
  });

  it("refuses bad input by field, an unknown plan and an unknown integration by name, changing nothing", async () => {
    consoleState.user = users.responder;
    const count = await t.db.alertIntegration.count();
    const fields = async (over: Partial<CreateIntegrationFormValues>) => {
      const r = await createIntegrationAction(form(over));
      expect(r.ok).toBe(false);
      if (r.ok) return [];
      expect(r.error.name).toBe("ValidationException");
      return (r.error.fields ?? []).map((f) => f.name);
    };
    expect(await fields({ name: "   " })).toEqual(["name"]);
    expect(await fields({ name: "x".repeat(101) })).toEqual(["name"]);
    expect(await fields({ kind: "NAGIOS" as never })).toEqual(["kind"]);
    expect(await fields({ severityRows: [{ severity: "critical", impact: "0" }] })).toEqual(["severityRows.0.impact"]);
    expect(await fields({ severityRows: [{ severity: "critical", impact: "6" }] })).toEqual(["severityRows.0.impact"]);
    expect(await fields({ severityRows: [{ severity: "critical", impact: "1.5" }] })).toEqual(["severityRows.0.impact"]);
    expect(await fields({ severityRows: [{ severity: "  ", impact: "2" }] })).toEqual(["severityRows.0.severity"]);
    expect(await fields({ severityRows: [{ severity: "High", impact: "2" }, { severity: "high ", impact: "1" }] })).toEqual(["severityRows.1.severity"]);
    const unknownPlan = await createIntegrationAction(form({ responsePlanArn: planArn.replace(/checkout$/, "nope") }));
    expect(unknownPlan).toMatchObject({ ok: false, error: { name: "ResourceNotFoundException" } });
    expect(await t.db.alertIntegration.count()).toBe(count);
    for (const action of [rotateIntegrationTokenAction, revokeIntegrationAction, sendTestAlertAction]) {
      expect(await action({ id: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, error: { name: "ResourceNotFoundException" } });
      expect(await action({ id: "" })).toMatchObject({ ok: false, error: { name: "ValidationException", fields: [{ name: "id" }] } });
    }
  });

  it.each(ALERT_KINDS)("sends a %s test alert through the real intake: one stored alert of that kind, with its processing job", async (kind) => {
    consoleState.user = users.responder;
    const { integration } = await create({ name: `Test ${kind}`, kind, severityRows: toSeverityRows(suggestedSeverityMap(kind)) });
    const sent = await sendTestAlertAction({ id: integration.id });
    if (!sent.ok) throw new Error(`${sent.error.name}: ${sent.error.message}`);
    expect(sent.data.alertIds).toHaveLength(1);
    const alert = await t.db.alert.findUniqueOrThrow({ where: { id: sent.data.alertIds[0]! } });
    expect(alert).toMatchObject({ integrationId: integration.id, kind, status: "FIRING", outcome: "PENDING", fingerprint: "console-test-alert" });
    expect(alert.title).toContain(`Test ${kind}`);
    expect(alert.payload).not.toContain("routing_key");
    expect(await t.db.engineJob.count({ where: { queue: JOB_QUEUE.alerts, payload: { contains: alert.id } } })).toBe(1);
    expect(await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integration.id } })).toMatchObject({ alertCount: 1 });
  });

  it("holds a plan to 50 active integrations; revoking one makes room, and the list shows active ones first", async () => {
    consoleState.user = users.admin;
    const im = localServices({ principalArn: ADMIN }, { db: t.db, accountId: "000000000000", region: "us-east-1" });
    const arn = (await im.incidents.createResponsePlan({ name: "busy", incidentTemplate: { title: "Busy", impact: 3 } })).arn!;
    const made: string[] = [];
    for (let i = 0; i < 50; i++) made.push((await create({ responsePlanArn: arn, name: `Source ${i}` })).integration.id);
    expect(await createIntegrationAction(form({ responsePlanArn: arn, name: "One too many" }))).toMatchObject({ ok: false, error: { name: "ServiceQuotaExceededException" } });
    expect(await revokeIntegrationAction({ id: made[0]! })).toMatchObject({ ok: true });
    const room = await create({ responsePlanArn: arn, name: "Now there is room" });
    const listed = await listPlanIntegrations(arn);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.data).toHaveLength(51);
    expect(listed.data[0]!.id).toBe(room.integration.id);
    expect(listed.data.at(-1)).toMatchObject({ id: made[0], revokedAt: expect.any(String) });
  });

  it("refuses everything in aws mode, in words", async () => {
    consoleState.user = users.admin;
    const { integration } = await create({ name: "Before the switch" });
    consoleState.backend = "aws";
    for (const result of [
      await createIntegrationAction(form({ name: "In aws mode" })),
      await rotateIntegrationTokenAction({ id: integration.id }),
      await revokeIntegrationAction({ id: integration.id }),
      await sendTestAlertAction({ id: integration.id }),
      await listPlanIntegrations(planArn),
      await listIntegrationOptions(),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { name: "ValidationException", message: expect.stringContaining("Alert intake needs local mode") } });
    }
    expect(await t.db.alertIntegration.count({ where: { name: "In aws mode" } })).toBe(0);
  });
});
