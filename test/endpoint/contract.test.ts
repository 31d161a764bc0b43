// Contract suite, ways 2 and 3, against the running console (`next start`), on each database:
//   2. the official @aws-sdk/client-ssm-incidents against /api/aws/ssm-incidents (proves the wire layer);
//   3. the console's AWS backend (lib/im/aws) pointed at that endpoint (proves aws mode offline).
// Each way signs with its own API key, so each is its own principal (createdBy) on the shared server.
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { afterAll, beforeAll, inject } from "vitest";

import { createDb, type Db } from "@/lib/db/client";
import { awsServices } from "@/lib/im/aws";
import { principalArn } from "@/lib/im/arns";
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { contactsContract } from "../contract/contacts.contract";
import { incidentsContract } from "../contract/incidents.contract";
import { createTestKey } from "../support/api-keys";

const servers = inject("consoleServers");

/** The SDK adds `$metadata` to every answer; the suites compare answers whole, as the contract returns them. */
function withoutMetadata<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string" || property === "send" || property === "destroy") return value;
      return async (...args: unknown[]) => {
        const answer = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (answer && typeof answer === "object" && "$metadata" in answer) {
          const { $metadata: _metadata, ...rest } = answer as Record<string, unknown>;
          return rest;
        }
        return answer;
      };
    },
  });
}
const dbs: Db[] = [];
afterAll(async () => {
  for (const db of dbs) await db.$disconnect();
});

async function keyFor(databaseUrl: string, name: string) {
  const db = createDb(databaseUrl);
  dbs.push(db);
  const key = await createTestKey(db, { name, role: "admin" });
  // The key acts as the console user it belongs to.
  return { credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey }, principalArn: principalArn("000000000000", key.ownerEmail) };
}

for (const server of servers) {
  const endpoint = `${server.url}/api/aws/ssm-incidents`;

  incidentsContract(`official SDK → endpoint (${server.provider})`, async () => {
    const { credentials, principalArn } = await keyFor(server.databaseUrl, `sdk-${server.provider}`);
    const incidents = new SSMIncidents({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    return { incidents: withoutMetadata(incidents) as never, principalArn };
  });

  incidentsContract(`AWS backend → endpoint (${server.provider})`, async () => {
    const { credentials, principalArn } = await keyFor(server.databaseUrl, `aws-backend-${server.provider}`);
    const { incidents } = awsServices({
      incidents: new SSMIncidents({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 }),
      contacts: new SSMContacts({ endpoint: `${server.url}/api/aws/ssm-contacts`, region: "us-east-1", credentials, maxAttempts: 1 }),
    });
    return { incidents, principalArn };
  });
}

for (const server of servers) {
  const endpoint = `${server.url}/api/aws/ssm-contacts`;
  const outbox = (databaseUrl: string) => {
    const db = createDb(databaseUrl);
    dbs.push(db);
    return (address: string) =>
      db.notification.findMany({ where: { address }, orderBy: { createdAt: "asc" }, select: { kind: true, channel: true, subject: true, body: true } });
  };

  contactsContract(`official SDK → endpoint (${server.provider})`, async () => {
    const { credentials, principalArn } = await keyFor(server.databaseUrl, `contacts-sdk-${server.provider}`);
    const contacts = new SSMContacts({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    return { contacts: withoutMetadata(contacts) as never, principalArn, outbox: outbox(server.databaseUrl) };
  });

  contactsContract(`AWS backend → endpoint (${server.provider})`, async () => {
    const { credentials, principalArn } = await keyFor(server.databaseUrl, `contacts-aws-backend-${server.provider}`);
    const { contacts } = awsServices({
      incidents: new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials, maxAttempts: 1 }),
      contacts: new SSMContacts({ endpoint, region: "us-east-1", credentials, maxAttempts: 1 }),
    });
    return { contacts, principalArn, outbox: outbox(server.databaseUrl) };
  });
}

beforeAll(() => {
  if (!servers.length) throw new Error("no console server was started");
});
