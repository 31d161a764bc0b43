// Contract suite, way 1: in-process against the local backend, on each database.
import { afterAll } from "vitest";
import { localServices } from "@/lib/im/local";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";
import { contactsContract } from "./contacts.contract";
import { incidentsContract } from "./incidents.contract";

const principalArn = "arn:aws:iam::000000000000:user/contract-local";

for (const provider of PROVIDERS) {
  let database: TestDatabase | undefined;
  afterAll(async () => database?.cleanup());
  incidentsContract(`local in-process (${provider})`, async () => {
    database = await createTestDatabase(provider);
    const { incidents } = localServices({ principalArn }, { db: database.db, accountId: "000000000000", region: "us-east-1" });
    return { incidents, principalArn };
  });
}

for (const provider of PROVIDERS) {
  let database: TestDatabase | undefined;
  afterAll(async () => database?.cleanup());
  contactsContract(`local in-process (${provider})`, async () => {
    database = await createTestDatabase(provider);
    const db = database.db;
    const { contacts } = localServices({ principalArn }, { db, accountId: "000000000000", region: "us-east-1" });
    return {
      contacts,
      principalArn,
      outbox: (address) =>
        db.notification.findMany({ where: { address }, orderBy: { createdAt: "asc" }, select: { kind: true, channel: true, subject: true, body: true } }),
    };
  });
}
