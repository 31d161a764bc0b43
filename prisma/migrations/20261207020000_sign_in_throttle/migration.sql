-- Failed sign-ins per (e-mail, client address): the delay before the next attempt.
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "blockedUntil" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
