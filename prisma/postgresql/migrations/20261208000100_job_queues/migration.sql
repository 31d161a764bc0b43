-- DropIndex
DROP INDEX "EngineJob_status_dueAt_idx";

-- AlterTable
ALTER TABLE "EngineJob" ADD COLUMN     "queue" TEXT NOT NULL DEFAULT 'ENGINE',
ALTER COLUMN "engagementId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "EngineJob_queue_status_dueAt_idx" ON "EngineJob"("queue", "status", "dueAt");

