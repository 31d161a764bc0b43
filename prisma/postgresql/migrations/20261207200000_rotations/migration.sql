-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN     "coverageGaps" TEXT;

-- AlterTable
ALTER TABLE "Page" ADD COLUMN     "resolution" TEXT;

-- CreateTable
CREATE TABLE "ScheduleRotation" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "contactArn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rotationArn" TEXT NOT NULL,

    CONSTRAINT "ScheduleRotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rotation" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startTime" TIMESTAMP(3) NOT NULL,
    "timeZoneId" TEXT NOT NULL,
    "recurrence" TEXT NOT NULL,
    "contactIds" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationMember" (
    "id" TEXT NOT NULL,
    "rotationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "contactArn" TEXT NOT NULL,

    CONSTRAINT "RotationMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationOverride" (
    "id" TEXT NOT NULL,
    "rotationId" TEXT NOT NULL,
    "newContactIds" TEXT NOT NULL,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "createTime" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RotationOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScheduleRotation_contactArn_idx" ON "ScheduleRotation"("contactArn");

-- CreateIndex
CREATE INDEX "ScheduleRotation_rotationArn_idx" ON "ScheduleRotation"("rotationArn");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduleRotation_contactId_position_key" ON "ScheduleRotation"("contactId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Rotation_arn_key" ON "Rotation"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "Rotation_name_key" ON "Rotation"("name");

-- CreateIndex
CREATE INDEX "RotationMember_contactArn_idx" ON "RotationMember"("contactArn");

-- CreateIndex
CREATE UNIQUE INDEX "RotationMember_rotationId_position_key" ON "RotationMember"("rotationId", "position");

-- CreateIndex
CREATE INDEX "RotationOverride_rotationId_startTime_idx" ON "RotationOverride"("rotationId", "startTime");

-- CreateIndex
CREATE INDEX "RotationOverride_rotationId_endTime_idx" ON "RotationOverride"("rotationId", "endTime");

-- AddForeignKey
ALTER TABLE "ScheduleRotation" ADD CONSTRAINT "ScheduleRotation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RotationMember" ADD CONSTRAINT "RotationMember_rotationId_fkey" FOREIGN KEY ("rotationId") REFERENCES "Rotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RotationMember" ADD CONSTRAINT "RotationMember_contactArn_fkey" FOREIGN KEY ("contactArn") REFERENCES "Contact"("arn") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RotationOverride" ADD CONSTRAINT "RotationOverride_rotationId_fkey" FOREIGN KEY ("rotationId") REFERENCES "Rotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

