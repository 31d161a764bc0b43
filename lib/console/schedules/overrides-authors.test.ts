// Who made each override, kept by the console in RotationOverrideAuthor: on both databases,
// recorded once per override (a retried create keeps the first author), read by id, forgotten on delete.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../../../test/support/databases";

let current: Db;
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db/client")>()), db: () => current }));
const { forgetOverrideAuthor, overrideAuthors, recordOverrideAuthor } = await import("./overrides-authors");

describe.each(PROVIDERS)("override authors on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    current = t.db;
  });
  afterAll(async () => t.cleanup());

  it("records who made an override, keeps the first author on a retry, and forgets it on delete", async () => {
    const rotation = "arn:aws:ssm-contacts:us-east-1:000000000000:rotation/primary";
    await recordOverrideAuthor(rotation, "o-1", "ann@example.com");
    await recordOverrideAuthor(rotation, "o-1", "ben@example.com");
    await recordOverrideAuthor(rotation, "o-2", "ben@example.com");
    expect(await overrideAuthors(["o-1", "o-2", "o-elsewhere"])).toEqual(new Map([["o-1", "ann@example.com"], ["o-2", "ben@example.com"]]));
    await forgetOverrideAuthor("o-1");
    expect(await overrideAuthors(["o-1", "o-2"])).toEqual(new Map([["o-2", "ben@example.com"]]));
    expect(await overrideAuthors([])).toEqual(new Map());
  });
});
