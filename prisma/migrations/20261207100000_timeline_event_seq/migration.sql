-- Each incident's timeline events carry a sequence number in the order they were written (issue
-- 16): it breaks ties between events of the same eventTime in every list and export. The
-- incident keeps the next number, bumped in the transaction that writes an event.

-- AlterTable
ALTER TABLE "IncidentRecord" ADD COLUMN "nextEventSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable (SQLite adds a NOT NULL column only with a default; every writer sets seq)
ALTER TABLE "TimelineEvent" ADD COLUMN "seq" INTEGER NOT NULL DEFAULT 0;

-- Events written before numbers existed are numbered by (eventTime, id) within their incident:
-- the order the timeline showed them in.
UPDATE "TimelineEvent" SET "seq" = "numbered"."n"
FROM (
  SELECT "id", ROW_NUMBER() OVER (PARTITION BY "incidentId" ORDER BY "eventTime", "id") - 1 AS "n" FROM "TimelineEvent"
) AS "numbered"
WHERE "numbered"."id" = "TimelineEvent"."id";

UPDATE "IncidentRecord" SET "nextEventSeq" = (
  SELECT COUNT(*) FROM "TimelineEvent" WHERE "TimelineEvent"."incidentId" = "IncidentRecord"."id"
);

-- DropIndex
DROP INDEX "TimelineEvent_incidentId_eventTime_idx";

-- CreateIndex
CREATE INDEX "TimelineEvent_incidentId_eventTime_seq_idx" ON "TimelineEvent"("incidentId", "eventTime", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "TimelineEvent_incidentId_seq_key" ON "TimelineEvent"("incidentId", "seq");
