// The route handlers that serve the alert intake under `next dev` (the production server answers
// these paths itself, test/alerts/http.test.ts): the same handler behind a Web Request, on both
// databases — 202 with the stored alert, PagerDuty's answer at /v2/enqueue, 401, 405 and the
// 413 of a streamed body past 1 MiB.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as integrationRoute from "@/app/api/integrations/[id]/route";
import * as enqueueRoute from "@/app/v2/enqueue/route";
import { closeDb, db } from "@/lib/db/client";
import { bearerTokenHash, newBearerToken } from "@/lib/secrets/bearer-token";
import { alertFixture } from "../support/alert-fixtures";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

// The routes use the process's database (DATABASE_URL, read once): one provider per file run.
const provider = PROVIDERS[PROVIDERS.length - 1]!;

describe(`the intake's route handlers (next dev) on ${provider}`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    process.env.DATABASE_URL = t.url;
  });
  afterAll(async () => {
    await closeDb();
    await t.cleanup();
  });

  async function integration(kind: string) {
    const id = randomUUID();
    const token = newBearerToken();
    await t.db.alertIntegration.create({
      data: { id, responsePlanArn: "arn:aws:ssm-incidents::000000000000:response-plan/routes", name: "routes", kind, tokenHash: bearerTokenHash(token), createdBy: "test" },
    });
    return { id, token, url: `http://localhost:3000/api/integrations/${id}` };
  }

  it("takes a delivery at the integration's URL and answers 401 for a wrong token", async () => {
    const i = await integration("GENERIC");
    const res = await integrationRoute.POST(
      new Request(i.url, { method: "POST", headers: { authorization: `Bearer ${i.token}` }, body: JSON.stringify({ title: "Through next dev" }) }),
    );
    expect(res.status).toBe(202);
    const { ids } = (await res.json()) as { ids: string[] };
    expect(await db().alert.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({ title: "Through next dev", integrationId: i.id });
    const wrong = await integrationRoute.POST(new Request(`${i.url}?token=${newBearerToken()}`, { method: "POST", body: "{}" }));
    expect(wrong.status).toBe(401);
    const get = await integrationRoute.GET(new Request(i.url));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("answers PagerDuty events at /v2/enqueue as PagerDuty does", async () => {
    const i = await integration("PAGERDUTY");
    const event: Record<string, unknown> = { ...alertFixture("pagerduty", "trigger"), routing_key: i.token };
    const res = await enqueueRoute.POST(new Request("http://localhost:3000/v2/enqueue", { method: "POST", body: JSON.stringify(event) }));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "success", message: "Event processed", dedup_key: event.dedup_key });
  });

  it("stops reading a streamed body past 1 MiB and answers 413", async () => {
    const i = await integration("GENERIC");
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
        if (pulled >= 64 * 1024 * 1024) controller.close();
      },
    });
    const res = await integrationRoute.POST(
      new Request(i.url, { method: "POST", headers: { authorization: `Bearer ${i.token}` }, body, duplex: "half" } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(4 * 1024 * 1024);
  });
});
