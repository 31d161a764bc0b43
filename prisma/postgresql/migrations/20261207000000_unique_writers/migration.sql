-- Unique keys for concurrent writers (issue 11): deduplication, the replication set, contact links.

-- AlterTable
ALTER TABLE "ReplicationSet" ADD COLUMN "singleton" INTEGER;

-- AlterTable
ALTER TABLE "IncidentRecord" ADD COLUMN "openDedupeKey" TEXT;

-- One incident per dedupe string while it is OPEN: openDedupeKey holds the dedupeString of the
-- open incident that deduplication returns (null otherwise), under a unique index. A database
-- written before the index may hold several open duplicates: only the newest takes the key.
UPDATE "IncidentRecord" SET "openDedupeKey" = "dedupeString"
WHERE "status" = 'OPEN' AND "dedupeString" <> ''
  AND NOT EXISTS (
    SELECT 1 FROM "IncidentRecord" AS "newer"
    WHERE "newer"."status" = 'OPEN' AND "newer"."dedupeString" = "IncidentRecord"."dedupeString"
      AND ("newer"."creationTime" > "IncidentRecord"."creationTime"
        OR ("newer"."creationTime" = "IncidentRecord"."creationTime" AND "newer"."id" > "IncidentRecord"."id")));

-- One replication set per account: the oldest set takes the singleton; extra sets made by
-- consoles racing on first start stay (null) for an admin to delete, nothing is dropped here.
UPDATE "ReplicationSet" SET "singleton" = 1
WHERE "id" = (SELECT "id" FROM "ReplicationSet" ORDER BY "createdTime", "id" LIMIT 1);

-- One contact per user: where racing links gave one contact to several users, the longest-standing
-- user keeps it and the others are unlinked (they choose their contact again on My pages).
UPDATE "User" SET "contactArn" = NULL
WHERE "contactArn" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "User" AS "older"
    WHERE "older"."contactArn" = "User"."contactArn"
      AND ("older"."createdAt" < "User"."createdAt" OR ("older"."createdAt" = "User"."createdAt" AND "older"."id" < "User"."id")));

-- DropIndex
DROP INDEX "User_contactArn_idx";

-- CreateIndex
CREATE UNIQUE INDEX "User_contactArn_key" ON "User"("contactArn");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationSet_singleton_key" ON "ReplicationSet"("singleton");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentRecord_openDedupeKey_key" ON "IncidentRecord"("openDedupeKey");
