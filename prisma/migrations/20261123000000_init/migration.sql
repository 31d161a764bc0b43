-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "contactArn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastLoginAt" DATETIME
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accessKeyId" TEXT NOT NULL,
    "signingKeyHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "service" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "principal" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReplicationSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deletionProtected" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" TEXT NOT NULL,
    "createdTime" DATETIME NOT NULL,
    "lastModifiedBy" TEXT NOT NULL,
    "lastModifiedTime" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReplicationRegion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "replicationSetId" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "sseKmsKeyId" TEXT NOT NULL DEFAULT 'DefaultKey',
    "status" TEXT NOT NULL,
    "statusMessage" TEXT,
    "statusUpdateDateTime" DATETIME NOT NULL,
    CONSTRAINT "ReplicationRegion_replicationSetId_fkey" FOREIGN KEY ("replicationSetId") REFERENCES "ReplicationSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResponsePlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT,
    "title" TEXT NOT NULL,
    "impact" INTEGER NOT NULL,
    "summary" TEXT,
    "dedupeString" TEXT,
    "incidentTags" TEXT,
    "notificationTargets" TEXT,
    "chatChannel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ResponsePlanEngagement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responsePlanId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "contactArn" TEXT NOT NULL,
    CONSTRAINT "ResponsePlanEngagement_responsePlanId_fkey" FOREIGN KEY ("responsePlanId") REFERENCES "ResponsePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResponsePlanAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responsePlanId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "documentName" TEXT NOT NULL,
    "documentVersion" TEXT,
    "roleArn" TEXT NOT NULL,
    "targetAccount" TEXT,
    "parameters" TEXT,
    "dynamicParameters" TEXT,
    CONSTRAINT "ResponsePlanAction_responsePlanId_fkey" FOREIGN KEY ("responsePlanId") REFERENCES "ResponsePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResponsePlanIntegration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responsePlanId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    CONSTRAINT "ResponsePlanIntegration_responsePlanId_fkey" FOREIGN KEY ("responsePlanId") REFERENCES "ResponsePlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "responsePlanId" TEXT,
    "responsePlanArn" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "impact" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT,
    "dedupeString" TEXT NOT NULL DEFAULT '',
    "notificationTargets" TEXT,
    "chatChannel" TEXT,
    "createdBy" TEXT NOT NULL,
    "invokedBy" TEXT,
    "resourceArn" TEXT,
    "source" TEXT NOT NULL,
    "triggerArn" TEXT,
    "triggerRawData" TEXT,
    "triggerTimestamp" DATETIME,
    "creationTime" DATETIME NOT NULL,
    "lastModifiedBy" TEXT NOT NULL,
    "lastModifiedTime" DATETIME NOT NULL,
    "resolvedTime" DATETIME,
    CONSTRAINT "IncidentRecord_responsePlanId_fkey" FOREIGN KEY ("responsePlanId") REFERENCES "ResponsePlan" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AutomationExecution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "ssmExecutionArn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AutomationExecution_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "IncidentRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "eventTime" DATETIME NOT NULL,
    "eventType" TEXT NOT NULL,
    "eventData" TEXT NOT NULL,
    "eventUpdatedTime" DATETIME NOT NULL,
    CONSTRAINT "TimelineEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "IncidentRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "resource" TEXT,
    "relatedItemId" TEXT,
    CONSTRAINT "EventReference_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "TimelineEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RelatedItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT,
    "valueKind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RelatedItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "IncidentRecord" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResourcePolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resourceArn" TEXT NOT NULL,
    "policyDocument" TEXT NOT NULL,
    "ramResourceShareRegion" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resourceArn" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "displayName" TEXT,
    "type" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "policy" TEXT
);

-- CreateTable
CREATE TABLE "ContactChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "activationStatus" TEXT NOT NULL,
    "activationCodeHash" TEXT,
    "activationCodeExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ContactChannel_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanStage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "durationInMinutes" INTEGER NOT NULL,
    CONSTRAINT "PlanStage_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StageTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "channelArn" TEXT,
    "retryIntervalInMinutes" INTEGER,
    "targetContactArn" TEXT,
    "isEssential" BOOLEAN,
    CONSTRAINT "StageTarget_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "PlanStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Engagement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "contactArn" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "subject" TEXT,
    "content" TEXT,
    "publicSubject" TEXT,
    "publicContent" TEXT,
    "incidentId" TEXT,
    "startTime" DATETIME NOT NULL,
    "stopTime" DATETIME,
    "stopReason" TEXT
);

-- CreateTable
CREATE TABLE "Page" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "arn" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "contactArn" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "subject" TEXT,
    "content" TEXT,
    "publicSubject" TEXT,
    "publicContent" TEXT,
    "incidentId" TEXT,
    "acceptCodeHash" TEXT,
    "sentTime" DATETIME,
    "deliveryTime" DATETIME,
    "readTime" DATETIME,
    "stoppedTime" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Page_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "contactChannelArn" TEXT,
    "receiptType" TEXT NOT NULL,
    "receiptInfo" TEXT,
    "receiptTime" DATETIME NOT NULL,
    CONSTRAINT "Receipt_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "engagementId" TEXT NOT NULL,
    "pageId" TEXT,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "doneAt" DATETIME,
    CONSTRAINT "EngineJob_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "pageId" TEXT,
    "channelArn" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_contactArn_idx" ON "User"("contactArn");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_accessKeyId_key" ON "ApiKey"("accessKeyId");

-- CreateIndex
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_service_operation_principal_token_key" ON "IdempotencyRecord"("service", "operation", "principal", "token");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationSet_arn_key" ON "ReplicationSet"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationRegion_replicationSetId_regionName_key" ON "ReplicationRegion"("replicationSetId", "regionName");

-- CreateIndex
CREATE UNIQUE INDEX "ResponsePlan_arn_key" ON "ResponsePlan"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "ResponsePlan_name_key" ON "ResponsePlan"("name");

-- CreateIndex
CREATE INDEX "ResponsePlanEngagement_contactArn_idx" ON "ResponsePlanEngagement"("contactArn");

-- CreateIndex
CREATE UNIQUE INDEX "ResponsePlanEngagement_responsePlanId_contactArn_key" ON "ResponsePlanEngagement"("responsePlanId", "contactArn");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentRecord_arn_key" ON "IncidentRecord"("arn");

-- CreateIndex
CREATE INDEX "IncidentRecord_creationTime_id_idx" ON "IncidentRecord"("creationTime", "id");

-- CreateIndex
CREATE INDEX "IncidentRecord_status_creationTime_idx" ON "IncidentRecord"("status", "creationTime");

-- CreateIndex
CREATE INDEX "IncidentRecord_impact_creationTime_idx" ON "IncidentRecord"("impact", "creationTime");

-- CreateIndex
CREATE INDEX "IncidentRecord_createdBy_creationTime_idx" ON "IncidentRecord"("createdBy", "creationTime");

-- CreateIndex
CREATE INDEX "IncidentRecord_dedupeString_status_idx" ON "IncidentRecord"("dedupeString", "status");

-- CreateIndex
CREATE INDEX "IncidentRecord_responsePlanId_idx" ON "IncidentRecord"("responsePlanId");

-- CreateIndex
CREATE INDEX "AutomationExecution_incidentId_idx" ON "AutomationExecution"("incidentId");

-- CreateIndex
CREATE INDEX "TimelineEvent_incidentId_eventTime_idx" ON "TimelineEvent"("incidentId", "eventTime");

-- CreateIndex
CREATE INDEX "TimelineEvent_incidentId_eventType_idx" ON "TimelineEvent"("incidentId", "eventType");

-- CreateIndex
CREATE INDEX "EventReference_eventId_idx" ON "EventReference"("eventId");

-- CreateIndex
CREATE INDEX "RelatedItem_incidentId_createdAt_idx" ON "RelatedItem"("incidentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RelatedItem_incidentId_type_valueKind_value_key" ON "RelatedItem"("incidentId", "type", "valueKind", "value");

-- CreateIndex
CREATE INDEX "ResourcePolicy_resourceArn_idx" ON "ResourcePolicy"("resourceArn");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_resourceArn_key_key" ON "Tag"("resourceArn", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_arn_key" ON "Contact"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_alias_key" ON "Contact"("alias");

-- CreateIndex
CREATE INDEX "Contact_type_alias_idx" ON "Contact"("type", "alias");

-- CreateIndex
CREATE UNIQUE INDEX "ContactChannel_arn_key" ON "ContactChannel"("arn");

-- CreateIndex
CREATE INDEX "ContactChannel_contactId_createdAt_idx" ON "ContactChannel"("contactId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanStage_contactId_position_key" ON "PlanStage"("contactId", "position");

-- CreateIndex
CREATE INDEX "StageTarget_stageId_idx" ON "StageTarget"("stageId");

-- CreateIndex
CREATE INDEX "StageTarget_targetContactArn_idx" ON "StageTarget"("targetContactArn");

-- CreateIndex
CREATE INDEX "StageTarget_channelArn_idx" ON "StageTarget"("channelArn");

-- CreateIndex
CREATE UNIQUE INDEX "Engagement_arn_key" ON "Engagement"("arn");

-- CreateIndex
CREATE INDEX "Engagement_incidentId_startTime_idx" ON "Engagement"("incidentId", "startTime");

-- CreateIndex
CREATE INDEX "Engagement_startTime_idx" ON "Engagement"("startTime");

-- CreateIndex
CREATE INDEX "Engagement_contactArn_idx" ON "Engagement"("contactArn");

-- CreateIndex
CREATE UNIQUE INDEX "Page_arn_key" ON "Page"("arn");

-- CreateIndex
CREATE INDEX "Page_contactArn_createdAt_idx" ON "Page"("contactArn", "createdAt");

-- CreateIndex
CREATE INDEX "Page_engagementId_idx" ON "Page"("engagementId");

-- CreateIndex
CREATE INDEX "Receipt_pageId_receiptTime_idx" ON "Receipt"("pageId", "receiptTime");

-- CreateIndex
CREATE INDEX "EngineJob_status_dueAt_idx" ON "EngineJob"("status", "dueAt");

-- CreateIndex
CREATE INDEX "EngineJob_engagementId_idx" ON "EngineJob"("engagementId");

-- CreateIndex
CREATE INDEX "Notification_address_createdAt_idx" ON "Notification"("address", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_pageId_idx" ON "Notification"("pageId");
