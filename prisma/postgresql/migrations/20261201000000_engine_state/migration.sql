-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN     "acknowledgedTime" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Page" ADD COLUMN     "isEssential" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "EngineJob" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT;

-- CreateIndex
CREATE INDEX "EngineJob_pageId_idx" ON "EngineJob"("pageId");

