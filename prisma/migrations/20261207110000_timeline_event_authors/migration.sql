-- Who wrote what (issue 16): the local model records the principal with every timeline event it
-- writes and who last edited it; in aws mode the console keeps the same for the events written
-- through it (AWS's timeline events carry no author). Older events have none recorded.

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN "createdBy" TEXT;
ALTER TABLE "TimelineEvent" ADD COLUMN "updatedBy" TEXT;
ALTER TABLE "TimelineEvent" ADD COLUMN "updatedAt" DATETIME;

-- CreateTable
CREATE TABLE "TimelineEventAuthor" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "incidentArn" TEXT NOT NULL,
    "createdBy" TEXT,
    "updatedBy" TEXT,
    "updatedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "TimelineEventAuthor_incidentArn_idx" ON "TimelineEventAuthor"("incidentArn");
