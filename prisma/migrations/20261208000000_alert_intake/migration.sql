-- CreateTable
CREATE TABLE "AlertIntegration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responsePlanArn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "severityMap" TEXT NOT NULL DEFAULT '{}',
    "autoResolve" BOOLEAN NOT NULL DEFAULT false,
    "ratePerSecond" INTEGER NOT NULL DEFAULT 600,
    "rateBurst" INTEGER NOT NULL DEFAULT 1200,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tokenRotatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "lastAlertAt" DATETIME,
    "alertCount" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "integrationId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "outcomeReason" TEXT,
    "groupId" TEXT,
    "incidentArn" TEXT,
    "processedAt" DATETIME,
    CONSTRAINT "Alert_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alert_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AlertGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "integrationId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "openKey" TEXT,
    "incidentArn" TEXT,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "lastNotedAt" DATETIME,
    "resolvedAt" DATETIME,
    CONSTRAINT "AlertGroup_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertIntegration_tokenHash_key" ON "AlertIntegration"("tokenHash");

-- CreateIndex
CREATE INDEX "AlertIntegration_responsePlanArn_idx" ON "AlertIntegration"("responsePlanArn");

-- CreateIndex
CREATE INDEX "Alert_receivedAt_idx" ON "Alert"("receivedAt");

-- CreateIndex
CREATE INDEX "Alert_integrationId_receivedAt_idx" ON "Alert"("integrationId", "receivedAt");

-- CreateIndex
CREATE INDEX "Alert_incidentArn_idx" ON "Alert"("incidentArn");

-- CreateIndex
CREATE INDEX "Alert_outcome_receivedAt_idx" ON "Alert"("outcome", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertGroup_openKey_key" ON "AlertGroup"("openKey");

-- CreateIndex
CREATE INDEX "AlertGroup_incidentArn_idx" ON "AlertGroup"("incidentArn");

-- CreateIndex
CREATE INDEX "AlertGroup_integrationId_fingerprint_idx" ON "AlertGroup"("integrationId", "fingerprint");

