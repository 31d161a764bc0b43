-- Every API key belongs to a user (it acts as that user, and stops when the user is deactivated):
-- keys made before that are given to the first admin.
UPDATE "ApiKey" SET "userId" = (SELECT "id" FROM "User" WHERE "role" = 'admin' ORDER BY "createdAt" ASC, "id" ASC LIMIT 1) WHERE "userId" IS NULL;
