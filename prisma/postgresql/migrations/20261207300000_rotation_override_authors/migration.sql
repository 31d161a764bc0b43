-- Who made each rotation override (issue 14): ssm-contacts keeps no author, so the console records
-- the signed-in user of every override it creates, by override id, in local and aws mode alike.

-- CreateTable
CREATE TABLE "RotationOverrideAuthor" (
    "overrideId" TEXT NOT NULL,
    "rotationArn" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RotationOverrideAuthor_pkey" PRIMARY KEY ("overrideId")
);

-- CreateIndex
CREATE INDEX "RotationOverrideAuthor_rotationArn_idx" ON "RotationOverrideAuthor"("rotationArn");
