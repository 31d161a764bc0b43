-- Who stopped an engagement through the console (AWS's StopEngagement records no one).
CREATE TABLE "EngagementStop" (
    "engagementArn" TEXT NOT NULL PRIMARY KEY,
    "stoppedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
