-- Who stopped an engagement through the console (AWS's StopEngagement records no one).
CREATE TABLE "EngagementStop" (
    "engagementArn" TEXT NOT NULL,
    "stoppedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EngagementStop_pkey" PRIMARY KEY ("engagementArn")
);
