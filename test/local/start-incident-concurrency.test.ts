// Issue 3, reliability: 100 concurrent StartIncident calls with one clientToken create exactly one
// incident, and every caller gets its ARN — on each database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import type { IncidentsService } from "@/lib/im/contract";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

describe.each(PROVIDERS)("concurrent StartIncident on %s", (provider) => {
  let t: TestDatabase;
  let incidents: IncidentsService;
  let planArn: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ({ incidents } = localServices({ principalArn: "arn:aws:iam::000000000000:user/racer" }, { db: t.db, accountId: "000000000000", region: "us-east-1" }));
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    ({ arn: planArn } = (await incidents.createResponsePlan({ name: "race", incidentTemplate: { title: "race", impact: 3 } })) as { arn: string });
  });
  afterAll(async () => t.cleanup());

  it("creates exactly one incident for 100 calls with one clientToken", async () => {
    const clientToken = randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => incidents.startIncident({ responsePlanArn: planArn, title: "once only", clientToken })),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures).toEqual([]);
    const arns = new Set(results.map((r) => (r as PromiseFulfilledResult<{ incidentRecordArn: string }>).value.incidentRecordArn));
    expect(arns.size).toBe(1);
    expect(await t.db.incidentRecord.count({ where: { title: "once only" } })).toBe(1);
    expect(await t.db.timelineEvent.count({ where: { incident: { title: "once only" } } })).toBe(1);
  });

  it("creates one incident per distinct token under the same load", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => incidents.startIncident({ responsePlanArn: planArn, title: "many", clientToken: `token-${i}` })),
    );
    expect(new Set(results.map((r) => r.incidentRecordArn)).size).toBe(40);
    expect(await t.db.incidentRecord.count({ where: { title: "many" } })).toBe(40);
  });
});
