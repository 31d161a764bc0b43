// ssm-incidents through the real AWS SDK v3 client against the restJson1 endpoint, backed by the
// local model on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { principalArn } from "@/lib/im/arns";
import { PROVIDERS } from "../support/databases";
import { ACCOUNT_ID, errorOf, startWireFixture, type WireFixture } from "./fixture";

describe.each(PROVIDERS)("ssm-incidents SDK over the wire on %s", (provider) => {
  let f: WireFixture;
  let sdk: SSMIncidents;
  let keyName: string;
  let planArn: string;

  beforeAll(async () => {
    f = await startWireFixture(provider);
    const key = await f.key("admin", "ops-robot");
    // A key acts as the console user it belongs to.
    keyName = key.ownerEmail;
    sdk = f.incidents(key);
  });
  afterAll(async () => {
    expect(f.errors).toEqual([]);
    await f.close();
  });

  it("creates and reads the replication set", async () => {
    const { arn } = await sdk.createReplicationSet({ regions: { "us-east-1": {} } });
    expect(arn).toMatch(/^arn:aws:ssm-incidents::123456789012:replication-set\//);
    const got = await sdk.getReplicationSet({ arn });
    expect(got.replicationSet?.arn).toBe(arn);
    expect(got.replicationSet?.createdTime).toBeInstanceOf(Date);
    const list = await sdk.listReplicationSets({});
    expect(list.replicationSetArns).toEqual([arn]);
  });

  it("creates, reads and lists a response plan", async () => {
    const created = await sdk.createResponsePlan({
      name: "db-outage",
      displayName: "Database outage",
      incidentTemplate: { title: "Database down", impact: 2, summary: "Primary unreachable", incidentTags: { team: "db" } },
      tags: { owner: "ops" },
    });
    planArn = created.arn!;
    expect(planArn).toBe(`arn:aws:ssm-incidents::${ACCOUNT_ID}:response-plan/db-outage`);
    const plan = await sdk.getResponsePlan({ arn: planArn });
    expect(plan.incidentTemplate).toMatchObject({ title: "Database down", impact: 2, summary: "Primary unreachable" });
    const plans = await sdk.listResponsePlans({});
    expect(plans.responsePlanSummaries?.map((p) => p.arn)).toContain(planArn);
  });

  it("starts, reads, lists, updates and resolves incidents", async () => {
    const before = new Date(Date.now() - 1000);
    const first = await sdk.startIncident({ responsePlanArn: planArn, title: "First", impact: 1 });
    const second = await sdk.startIncident({ responsePlanArn: planArn, title: "Second", impact: 3 });
    const third = await sdk.startIncident({ responsePlanArn: planArn, title: "Third", impact: 3 });
    const arns = [first, second, third].map((r) => r.incidentRecordArn!);

    const { incidentRecord } = await sdk.getIncidentRecord({ arn: arns[0] });
    expect(incidentRecord).toMatchObject({ arn: arns[0], title: "First", impact: 1, status: "OPEN" });
    expect(incidentRecord?.creationTime).toBeInstanceOf(Date);
    expect(incidentRecord!.creationTime!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(incidentRecord?.incidentRecordSource?.createdBy).toBe(principalArn(ACCOUNT_ID, keyName));

    const list = (filters: Parameters<SSMIncidents["listIncidentRecords"]>[0]["filters"]) =>
      sdk.listIncidentRecords({ filters }).then((r) => r.incidentRecordSummaries!.map((s) => s.arn).sort());
    expect(await list([{ key: "impact", condition: { equals: { integerValues: [3] } } }])).toEqual([arns[1], arns[2]].sort());
    expect(await list([{ key: "status", condition: { equals: { stringValues: ["OPEN"] } } }])).toEqual([...arns].sort());
    expect(await list([{ key: "createdBy", condition: { equals: { stringValues: [principalArn(ACCOUNT_ID, keyName)] } } }])).toEqual([...arns].sort());
    expect(await list([{ key: "createdBy", condition: { equals: { stringValues: ["arn:aws:iam::123456789012:user/nobody"] } } }])).toEqual([]);
    expect(await list([{ key: "creationTime", condition: { after: before } }])).toEqual([...arns].sort());
    expect(await list([{ key: "creationTime", condition: { before } }])).toEqual([]);
    expect(await list([{ key: "creationTime", condition: { before: new Date(Date.now() + 60_000) } }])).toEqual([...arns].sort());

    // Pagination: one per page, every incident exactly once, newest first.
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sdk.listIncidentRecords({ maxResults: 1, nextToken });
      expect(page.incidentRecordSummaries!.length).toBeLessThanOrEqual(1);
      seen.push(...page.incidentRecordSummaries!.map((s) => s.arn!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual([...arns].reverse());

    await sdk.updateIncidentRecord({ arn: arns[0], title: "First (renamed)", impact: 2 });
    expect((await sdk.getIncidentRecord({ arn: arns[0] })).incidentRecord).toMatchObject({ title: "First (renamed)", impact: 2 });

    await sdk.updateIncidentRecord({ arn: arns[1], status: "RESOLVED" });
    const resolved = (await sdk.getIncidentRecord({ arn: arns[1] })).incidentRecord!;
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.resolvedTime).toBeInstanceOf(Date);
    expect(await list([{ key: "status", condition: { equals: { stringValues: ["RESOLVED"] } } }])).toEqual([arns[1]]);
  });

  it("tags, lists and untags through /tags/{resourceArn}, several keys in one query string", async () => {
    const resourceArn = planArn;
    await sdk.tagResource({ resourceArn, tags: { env: "prod", team: "db", "cost/center": "42", tier: "1" } });
    expect((await sdk.listTagsForResource({ resourceArn })).tags).toEqual({ owner: "ops", env: "prod", team: "db", "cost/center": "42", tier: "1" });
    // DELETE /tags/{arn}?tagKeys=env&tagKeys=cost%2Fcenter&tagKeys=tier: every key arrives.
    await sdk.untagResource({ resourceArn, tagKeys: ["env", "cost/center", "tier"] });
    expect((await sdk.listTagsForResource({ resourceArn })).tags).toEqual({ owner: "ops", team: "db" });
    const missing = await errorOf(sdk.listTagsForResource({ resourceArn: `${planArn}-missing` }));
    expect(missing.name).toBe("ResourceNotFoundException");
    expect((missing as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(404);
  });

  it("names the invalid member in a ValidationException", async () => {
    const e = await errorOf(sdk.startIncident({ responsePlanArn: planArn, impact: 9 }));
    expect(e.name).toBe("ValidationException");
    expect(e.message).toContain("'impact'");
    expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(400);
  });

  it("answers an unknown ARN with ResourceNotFoundException and its modeled members", async () => {
    const arn = `arn:aws:ssm-incidents::${ACCOUNT_ID}:incident-record/db-outage/00000000-0000-0000-0000-000000000000`;
    const e = await errorOf(sdk.getIncidentRecord({ arn }));
    expect(e.name).toBe("ResourceNotFoundException");
    expect(e.resourceIdentifier).toBe(arn);
    expect(e.resourceType).toBe("INCIDENT_RECORD");
    expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(404);
  });
});
