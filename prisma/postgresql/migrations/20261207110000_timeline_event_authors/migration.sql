-- Who wrote what (issue 16): the local model records the principal with every timeline event it
-- writes and who last edited it; in aws mode the console keeps the same for the events written
-- through it (AWS's timeline events carry no author). Older events have none recorded.

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN "createdBy" TEXT,
ADD COLUMN "updatedAt" TIMESTAMP(3),
ADD COLUMN "updatedBy" TEXT;

-- CreateTable
CREATE TABLE "TimelineEventAuthor" (
    "eventId" TEXT NOT NULL,
    "incidentArn" TEXT NOT NULL,
    "createdBy" TEXT,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3),

    CONSTRAINT "TimelineEventAuthor_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "TimelineEventAuthor_incidentArn_idx" ON "TimelineEventAuthor"("incidentArn");
