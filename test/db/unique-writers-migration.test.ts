// The unique-writers migration (issue 11) on a database that already holds what the races left:
// several open incidents with one dedupe string, two replication sets, one contact linked to
// several users. It applies, keeps every row, and gives each key to one of them.
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { localServices } from "@/lib/im/local";
import { databaseWithout, PROVIDERS } from "../support/databases";

const MIGRATION = "20261207000000_unique_writers";
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (drops.length) await drops.pop()!();
});

const before = (provider: (typeof PROVIDERS)[number]) => databaseWithout(provider, MIGRATION, drops);

const ACCOUNT = "000000000000";
const incident = (id: string, status: string, dedupe: string, at: string) =>
  `INSERT INTO "IncidentRecord" ("id", "arn", "responsePlanArn", "title", "impact", "status", "dedupeString", "createdBy", "source", "creationTime", "lastModifiedBy", "lastModifiedTime")
   VALUES ('${id}', 'arn:aws:ssm-incidents::${ACCOUNT}:incident-record/p/${id}', 'arn:aws:ssm-incidents::${ACCOUNT}:response-plan/p', '${id}', 3, '${status}', '${dedupe}', 'me', 'custom', '${at}', 'me', '${at}')`;
const replicationSet = (id: string, at: string) =>
  `INSERT INTO "ReplicationSet" ("id", "arn", "status", "createdBy", "createdTime", "lastModifiedBy", "lastModifiedTime")
   VALUES ('${id}', 'arn:aws:ssm-incidents::${ACCOUNT}:replication-set/${id}', 'ACTIVE', 'me', '${at}', 'me', '${at}')`;
const user = (id: string, contactArn: string | null, at: string) =>
  `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "contactArn", "createdAt", "updatedAt")
   VALUES ('${id}', '${id}@example.com', '${id}', 'x', 'viewer', ${contactArn ? `'${contactArn}'` : "NULL"}, '${at}', '${at}')`;

describe.each(PROVIDERS)("the unique-writers migration on %s", (provider) => {
  it("keeps the duplicates the races left and gives each key to one of them", async () => {
    const url = await before(provider);
    const db = createDb(url);
    try {
      const contact = `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/shared`;
      for (const sql of [
        incident("old-open", "OPEN", "dup", "2026-01-01T00:00:00.000Z"),
        incident("new-open", "OPEN", "dup", "2026-01-03T00:00:00.000Z"),
        incident("mid-open", "OPEN", "dup", "2026-01-02T00:00:00.000Z"),
        incident("newest-resolved", "RESOLVED", "dup", "2026-01-04T00:00:00.000Z"),
        incident("plain", "OPEN", "", "2026-01-05T00:00:00.000Z"),
        incident("alone", "OPEN", "alone", "2026-01-01T00:00:00.000Z"),
        replicationSet("second", "2026-01-02T00:00:00.000Z"),
        replicationSet("first", "2026-01-01T00:00:00.000Z"),
        user("later", contact, "2026-01-02T00:00:00.000Z"),
        user("earlier", contact, "2026-01-01T00:00:00.000Z"),
        user("latest", contact, "2026-01-03T00:00:00.000Z"),
        user("other", null, "2026-01-01T00:00:00.000Z"),
      ]) {
        await db.$executeRawUnsafe(sql);
      }
      expect((await migrate(url)).applied).toEqual([MIGRATION]);

      const incidents = await db.incidentRecord.findMany({ orderBy: { id: "asc" }, select: { id: true, openDedupeKey: true } });
      expect(incidents).toEqual([
        { id: "alone", openDedupeKey: "alone" },
        { id: "mid-open", openDedupeKey: null },
        { id: "new-open", openDedupeKey: "dup" },
        { id: "newest-resolved", openDedupeKey: null },
        { id: "old-open", openDedupeKey: null },
        { id: "plain", openDedupeKey: null },
      ]);
      const sets = await db.replicationSet.findMany({ orderBy: { id: "asc" }, select: { id: true, singleton: true } });
      expect(sets).toEqual([
        { id: "first", singleton: 1 },
        { id: "second", singleton: null },
      ]);
      const users = await db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, contactArn: true } });
      expect(users).toEqual([
        { id: "earlier", contactArn: contact },
        { id: "later", contactArn: null },
        { id: "latest", contactArn: null },
        { id: "other", contactArn: null },
      ]);

      // The keys now hold: a second replication set is refused, the open duplicate absorbs.
      const { incidents: im } = localServices({ principalArn: `arn:aws:iam::${ACCOUNT}:user/me` }, { db, accountId: ACCOUNT, region: "us-east-1" });
      await expect(im.createReplicationSet({ regions: { "us-east-1": {} } })).rejects.toMatchObject({ code: "ConflictException" });
      const { arn: responsePlanArn } = await im.createResponsePlan({ name: "p", incidentTemplate: { title: "t", impact: 3, dedupeString: "dup" } });
      expect((await im.startIncident({ responsePlanArn })).incidentRecordArn).toMatch(/\/new-open$/);
    } finally {
      await db.$disconnect();
    }
  });
});
