-- Wrong activation codes given for a channel's current code: five void it.
ALTER TABLE "ContactChannel" ADD COLUMN "activationAttempts" INTEGER NOT NULL DEFAULT 0;
