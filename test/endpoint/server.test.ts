// The production server (`npm start` → server/main.ts, bundled by `npm run build`): one process
// that serves the console through Next and /api/aws/** straight on node:http, bootstraps once, and
// trusts a looked-up API key for at most KEY_CACHE_MS after another instance revoked it.
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/api-keys";
import { KEY_CACHE_MS } from "@/lib/api-keys/key-store";
import { createDb, type Db } from "@/lib/db/client";
import { expectError } from "../contract/incidents.contract";
import { BOOTSTRAP_KEY, startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl } from "../support/databases";
import { createTestKey } from "../support/api-keys";

describe("the production server", () => {
  let server: ConsoleServer;
  let drop: () => Promise<void>;
  let db: Db;

  beforeAll(async () => {
    const database = await createTestDatabaseUrl("sqlite");
    drop = database.drop;
    server = await startConsoleServer({ databaseUrl: database.url });
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await drop?.();
  });

  const incidents = (credentials: { accessKeyId: string; secretAccessKey: string } = BOOTSTRAP_KEY) =>
    new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials, maxAttempts: 1 });

  it("serves the console's pages through Next and the AWS API beside them", async () => {
    const signin = await fetch(`${server.url}/signin`);
    expect(signin.status).toBe(200);
    expect(signin.headers.get("content-type")).toMatch(/text\/html/);
    expect(await signin.text()).toMatch(/<html/i);
    const redirected = await fetch(`${server.url}/incidents`, { redirect: "manual" });
    expect(redirected.status).toBe(307);

    const { replicationSetArns } = await incidents().listReplicationSets({});
    expect(replicationSetArns).toHaveLength(1);
  });

  it("answers the AWS endpoints with AWS errors, a request id and a body limit", async () => {
    const unsigned = await fetch(`${server.url}/api/aws/ssm-incidents/listReplicationSets`, { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(unsigned.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);

    // An unsigned body is refused on its headers, however large, without being read.
    const hugeUnsigned = await fetch(`${server.url}/api/aws/ssm-incidents/startIncident`, { method: "POST", body: "x".repeat(2 * 1024 * 1024) });
    expect(hugeUnsigned.status).toBe(403);
    // A signed one past the limit: 413, before it is read.
    const huge = await expectError(incidents().startIncident({ responsePlanArn: "arn:aws:ssm-incidents::000000000000:response-plan/x", title: "x".repeat(2 * 1024 * 1024) }), "RequestEntityTooLargeException");
    expect((huge as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(413);
    // awsJson1_1 answers wire-level client errors 400 (modeled ones their Smithy status), the name in the body.
    const contacts = new SSMContacts({ endpoint: `${server.url}/api/aws/ssm-contacts`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
    const hugeContacts = await expectError(contacts.createContact({ Alias: "huge", Type: "PERSONAL", Plan: {}, DisplayName: "x".repeat(2 * 1024 * 1024) }), "RequestEntityTooLargeException");
    expect((hugeContacts as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(400);

    // A path beside the endpoints is not theirs: Next answers it (404 page), not the wire layer.
    const beside = await fetch(`${server.url}/api/aws/ssm-incidentsX`);
    expect(beside.headers.get("x-amzn-errortype")).toBeNull();
  });

  it("runs the start-up work once in the process", () => {
    const log = server.output();
    expect(log.match(/\[bootstrap\] applied migrations/g)).toHaveLength(1);
    expect(log.match(/\[bootstrap\] created the replication set/g)).toHaveLength(1);
  });

  it(`stops accepting a key revoked by another instance within ${KEY_CACHE_MS} ms`, async () => {
    const key = await createTestKey(db, { name: "cached", role: "viewer" });
    const client = incidents({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey });
    await client.listReplicationSets({});
    // Revoked from this test process: the server's cache doesn't hear of it, as another console
    // instance sharing the database wouldn't.
    await revokeApiKey(db, key.accessKeyId);
    const revokedAt = Date.now();
    let refusedAfter: number | undefined;
    while (Date.now() - revokedAt < KEY_CACHE_MS + 3_000) {
      try {
        await client.listReplicationSets({});
      } catch (e) {
        expect((e as { name?: string }).name).toBe("UnrecognizedClientException");
        refusedAfter = Date.now() - revokedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(refusedAfter).toBeDefined();
    expect(refusedAfter!).toBeLessThanOrEqual(KEY_CACHE_MS + 500);
    await expectError(client.listReplicationSets({}), "UnrecognizedClientException", /revoked/);
  }, 20_000);
});
