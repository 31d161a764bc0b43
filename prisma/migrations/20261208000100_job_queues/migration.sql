-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EngineJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "queue" TEXT NOT NULL DEFAULT 'ENGINE',
    "engagementId" TEXT,
    "pageId" TEXT,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "doneAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    CONSTRAINT "EngineJob_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EngineJob" ("attempts", "claimedAt", "claimedBy", "doneAt", "dueAt", "engagementId", "id", "kind", "lastError", "pageId", "payload", "status") SELECT "attempts", "claimedAt", "claimedBy", "doneAt", "dueAt", "engagementId", "id", "kind", "lastError", "pageId", "payload", "status" FROM "EngineJob";
DROP TABLE "EngineJob";
ALTER TABLE "new_EngineJob" RENAME TO "EngineJob";
CREATE INDEX "EngineJob_queue_status_dueAt_idx" ON "EngineJob"("queue", "status", "dueAt");
CREATE INDEX "EngineJob_engagementId_idx" ON "EngineJob"("engagementId");
CREATE INDEX "EngineJob_pageId_idx" ON "EngineJob"("pageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

