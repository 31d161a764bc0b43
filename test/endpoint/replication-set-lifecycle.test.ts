// The replication set's life through the official SDK against a running console of its own (the
// lifecycle deletes all incident data, so it never shares the contract suite's servers): the set
// the console created on first run, a Region added (CREATING → ACTIVE within a few seconds of real
// time) and removed, deletion protection, and DeleteReplicationSet wiping the incident data.
import { randomUUID } from "node:crypto";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../contract/incidents.contract";
import { BOOTSTRAP_KEY, startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

/** Asks `read` again until `done` holds, for at most `timeoutMs` of real time. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.each(PROVIDERS)("replication set lifecycle through the endpoint on %s", (provider) => {
  let server: ConsoleServer;
  let drop: () => Promise<void>;
  let sdk: SSMIncidents;
  let arn: string;

  const get = async () => (await sdk.getReplicationSet({ arn })).replicationSet!;

  beforeAll(async () => {
    const database = await createTestDatabaseUrl(provider);
    drop = database.drop;
    server = await startConsoleServer({ databaseUrl: database.url, env: { IM_REGION: "us-east-1" } });
    sdk = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
  });
  afterAll(async () => {
    await server?.stop();
    await drop?.();
  });

  it("starts with the set the console created in its Region", async () => {
    const { replicationSetArns } = await sdk.listReplicationSets({});
    expect(replicationSetArns).toHaveLength(1);
    arn = replicationSetArns![0];
    const set = await get();
    expect(set.status).toBe("ACTIVE");
    expect(Object.keys(set.regionMap ?? {})).toEqual(["us-east-1"]);
  });

  it("adds a Region that becomes ACTIVE within a few seconds, then removes it", async () => {
    await sdk.updateReplicationSet({ arn, actions: [{ addRegionAction: { regionName: "us-west-2" } }] });
    const adding = await get();
    expect(adding.status).toBe("UPDATING");
    expect(adding.regionMap?.["us-west-2"]?.status).toBe("CREATING");
    await expectError(sdk.updateReplicationSet({ arn, actions: [{ addRegionAction: { regionName: "us-west-1" } }] }), "ConflictException");
    const added = await eventually(get, (s) => s.status === "ACTIVE");
    expect(added.regionMap?.["us-west-2"]?.status).toBe("ACTIVE");
    expect(added.regionMap?.["us-west-2"]?.statusUpdateDateTime).toBeInstanceOf(Date);

    await sdk.updateReplicationSet({ arn, actions: [{ deleteRegionAction: { regionName: "us-west-2" } }] });
    expect((await get()).regionMap?.["us-west-2"]?.status).toBe("DELETING");
    const removed = await eventually(get, (s) => s.status === "ACTIVE");
    expect(Object.keys(removed.regionMap ?? {})).toEqual(["us-east-1"]);
  });

  it("keeps the last Region while deletion protection is on", async () => {
    await sdk.updateDeletionProtection({ arn, deletionProtected: true });
    expect((await get()).deletionProtected).toBe(true);
    await expectError(sdk.updateReplicationSet({ arn, actions: [{ deleteRegionAction: { regionName: "us-east-1" } }] }), "ValidationException");
    await expectError(sdk.deleteReplicationSet({ arn }), "ValidationException", /[Dd]eletion protection/);
    await sdk.updateDeletionProtection({ arn, deletionProtected: false });
    expect((await get()).deletionProtected).toBe(false);
  });

  it("deletes the set and with it every incident, plan and tag; a new set starts over", async () => {
    const { arn: plan } = await sdk.createResponsePlan({ name: `gone-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "Gone", impact: 3 } });
    const { incidentRecordArn } = await sdk.startIncident({ responsePlanArn: plan });
    await sdk.tagResource({ resourceArn: incidentRecordArn!, tags: { doomed: "yes" } });

    await sdk.deleteReplicationSet({ arn });
    expect((await sdk.listReplicationSets({})).replicationSetArns).toEqual([]);
    await expectError(sdk.getReplicationSet({ arn }), "ResourceNotFoundException");
    await expectError(sdk.getIncidentRecord({ arn: incidentRecordArn }), "ResourceNotFoundException");
    expect((await sdk.listResponsePlans({})).responsePlanSummaries).toEqual([]);
    expect((await sdk.listIncidentRecords({})).incidentRecordSummaries).toEqual([]);
    await expectError(sdk.startIncident({ responsePlanArn: plan }), "ConflictException");

    const { arn: again } = await sdk.createReplicationSet({ regions: { "us-east-1": {} } });
    expect(again).not.toBe(arn);
    expect((await sdk.getReplicationSet({ arn: again })).replicationSet?.status).toBe("ACTIVE");
  });
});
