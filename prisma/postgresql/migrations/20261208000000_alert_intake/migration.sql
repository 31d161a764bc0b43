-- CreateTable
CREATE TABLE "AlertIntegration" (
    "id" TEXT NOT NULL,
    "responsePlanArn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "severityMap" TEXT NOT NULL DEFAULT '{}',
    "autoResolve" BOOLEAN NOT NULL DEFAULT false,
    "ratePerSecond" INTEGER NOT NULL DEFAULT 600,
    "rateBurst" INTEGER NOT NULL DEFAULT 1200,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tokenRotatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastAlertAt" TIMESTAMP(3),
    "alertCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AlertIntegration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "outcomeReason" TEXT,
    "groupId" TEXT,
    "incidentArn" TEXT,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertGroup" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "openKey" TEXT,
    "incidentArn" TEXT,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "lastNotedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "AlertGroup_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AlertGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertGroup" ADD CONSTRAINT "AlertGroup_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "AlertIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

