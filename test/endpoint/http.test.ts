// What only the running Next server can show: the health route, SigV4 on the real routes, and
// percent-encoded ARNs in paths (/tags/{resourceArn}) surviving Next's routing as the SDK signed them.
import { randomUUID } from "node:crypto";
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { describe, expect, inject, it } from "vitest";
import { expectError } from "../contract/incidents.contract";
import { BOOTSTRAP_KEY } from "../support/console-server";

const servers = inject("consoleServers");

describe.each(servers.map((s) => [s.provider, s] as const))("running console on %s", (_provider, server) => {
  const client = (secretAccessKey = BOOTSTRAP_KEY.secretAccessKey) =>
    new SSMIncidents({
      endpoint: `${server.url}/api/aws/ssm-incidents`,
      region: "us-east-1",
      credentials: { accessKeyId: BOOTSTRAP_KEY.accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });

  it("answers /api/health without a session, naming the backend and the database", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ backend: "local", database: { ok: true, provider: server.provider } });
  });

  it("refuses unsigned and badly signed AWS requests with 403", async () => {
    const unsigned = await fetch(`${server.url}/api/aws/ssm-incidents/listReplicationSets`, { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toBeTruthy();
    const err = await expectError(client("wrong-secret").listReplicationSets({}), "InvalidSignatureException");
    expect((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
  });

  it("routes a signed request whose path holds a percent-encoded ARN", async () => {
    const { replicationSetArns } = await client().listReplicationSets({});
    expect(replicationSetArns).toHaveLength(1);
    const resourceArn = replicationSetArns![0];
    // The signature covers the encoded path: a 403 here would mean Next changed it. The set is
    // shared with the contract runs, so the key is unique and removed again.
    const key = `http-${randomUUID().slice(0, 8)}`;
    await client().tagResource({ resourceArn, tags: { [key]: "encoded/path" } });
    expect((await client().listTagsForResource({ resourceArn })).tags).toMatchObject({ [key]: "encoded/path" });
    await client().untagResource({ resourceArn, tagKeys: [key] });
    expect((await client().listTagsForResource({ resourceArn })).tags).not.toHaveProperty(key);
  });

  it("serves ssm-contacts over awsJson1_1, rotations included", async () => {
    const contacts = new SSMContacts({
      endpoint: `${server.url}/api/aws/ssm-contacts`,
      region: "us-east-1",
      credentials: BOOTSTRAP_KEY,
      maxAttempts: 1,
    });
    expect((await contacts.listContacts({ AliasPrefix: "http-test-none" })).Contacts).toEqual([]);
    expect((await contacts.listRotations({ RotationNamePrefix: "http-test-none" })).Rotations).toEqual([]);
  });

  it("keeps console pages behind sign-in", async () => {
    const res = await fetch(`${server.url}/incidents`, { redirect: "manual" });
    expect([302, 307, 308]).toContain(res.status);
    expect(res.headers.get("location")).toMatch(/\/signin/);
  });
});
