-- The engagement engine's state (hand-written: plain ADD COLUMNs instead of Prisma's table
-- redefinition, which would cascade-delete the receipts of existing pages when Page is dropped).

-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN "acknowledgedTime" DATETIME;

-- AlterTable
ALTER TABLE "Page" ADD COLUMN "isEssential" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "EngineJob" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "EngineJob" ADD COLUMN "lastError" TEXT;

-- CreateIndex
CREATE INDEX "EngineJob_pageId_idx" ON "EngineJob"("pageId");
