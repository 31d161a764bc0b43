// Who stopped an engagement, on each database: the first stopper is kept, an engagement nobody
// stopped through the console has none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordStop, stopperOf } from "./stops";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../../../test/support/databases";

const ARN = "arn:aws:ssm-contacts:us-east-1:000000000000:engagement/oncall/1";

describe.each(PROVIDERS)("who stopped an engagement, on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("keeps the first stopper, and knows nobody for an engagement stopped elsewhere", async () => {
    expect(await stopperOf(ARN, t.db)).toBeUndefined();
    await recordStop(ARN, "Bob", t.db);
    await recordStop(ARN, "Carol", t.db);
    expect(await stopperOf(ARN, t.db)).toBe("Bob");
    expect(await stopperOf(`${ARN}x`, t.db)).toBeUndefined();
  });
});
