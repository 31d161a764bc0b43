// Title search over ListIncidentRecords against the real local model, on each database: every
// match exactly once, newest first, across batch boundaries and scan limits; other filters apply.
import type { Filter } from "@aws-sdk/client-ssm-incidents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchIncidents } from "@/lib/console/incidents/search";
import { harness } from "@/test/engine/fixtures";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/test/support/databases";

describe.each(PROVIDERS)("searchIncidents on %s", (provider) => {
  let t: TestDatabase;
  let h: ReturnType<typeof harness>;
  const matching: string[] = [];
  const status: Filter[] = [{ key: "status", condition: { equals: { stringValues: ["OPEN"] } } }];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    h = harness(t.db);
    await h.incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    const { arn } = await h.incidents.createResponsePlan({ name: "search", incidentTemplate: { title: "x", impact: 3 } });
    for (let i = 0; i < 37; i++) {
      // Every third title matches, in mixed case; impact 1 on the even ones.
      const title = i % 3 === 0 ? `Disk FULL on host ${i}` : `CPU high on host ${i}`;
      const { incidentRecordArn } = await h.incidents.startIncident({ responsePlanArn: arn, title, impact: i % 2 ? 4 : 1 });
      if (i % 3 === 0) matching.push(incidentRecordArn!);
      h.clock.advance(1000);
    }
    matching.reverse(); // newest first
  });
  afterAll(async () => t.cleanup());

  async function all(limits: Parameters<typeof searchIncidents>[4], filters = status, q = "disk full") {
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const out = await searchIncidents(h.incidents, filters, q, token, limits);
      pages.push(out.found.map((r) => r.arn!));
      token = out.nextToken;
    } while (token && pages.length < 100);
    return pages;
  }

  it("pages through every match once, newest first, whatever the batch size", async () => {
    for (const batch of [1, 4, 7, 100]) {
      const pages = await all({ pageSize: 5, batch });
      expect(pages.flat()).toEqual(matching);
      expect(pages.slice(0, -1).every((p) => p.length === 5)).toBe(true);
    }
  });

  it("answers in steps when the scan limit is reached, still finding every match", async () => {
    const pages = await all({ pageSize: 50, batch: 4, scanLimit: 6 });
    expect(pages.flat()).toEqual(matching);
    expect(pages.length).toBeGreaterThan(1);
  });

  it("applies the other filters and finds nothing for an unknown title", async () => {
    const critical: Filter[] = [...status, { key: "impact", condition: { equals: { integerValues: [1] } } }];
    const pages = await all({ pageSize: 5, batch: 10 }, critical);
    expect(pages.flat().length).toBeGreaterThan(0);
    expect(pages.flat().length).toBeLessThan(matching.length);
    expect(await all({ pageSize: 5 }, status, "no such title")).toEqual([[]]);
  });

  it("neither repeats nor skips a match when incidents start between pages", async () => {
    const first = await searchIncidents(h.incidents, status, "disk full", undefined, { pageSize: 5 });
    const { arn } = await h.incidents.createResponsePlan({ name: "search-later", incidentTemplate: { title: "x", impact: 3 } });
    for (let i = 0; i < 3; i++) {
      h.clock.advance(1000);
      await h.incidents.startIncident({ responsePlanArn: arn, title: `Disk full again ${i}` });
    }
    const seen = first.found.map((r) => r.arn!);
    let token = first.nextToken;
    while (token) {
      const out = await searchIncidents(h.incidents, status, "disk full", token, { pageSize: 5 });
      seen.push(...out.found.map((r) => r.arn!));
      token = out.nextToken;
    }
    expect(seen).toEqual(matching);
  });

  /** The incidents service, counting the records each ListIncidentRecords call returns. */
  function counting() {
    const counter = { read: 0 };
    const incidents = {
      listIncidentRecords: async (input: Parameters<typeof h.incidents.listIncidentRecords>[0]) => {
        const out = await h.incidents.listIncidentRecords(input);
        counter.read += out.incidentRecordSummaries?.length ?? 0;
        return out;
      },
    };
    return { incidents, counter };
  }
  const forge = (cursor: object) => `s.${Buffer.from(JSON.stringify(cursor)).toString("base64url")}`;

  it("reads at most its scan limit per request, skipped records included, whatever the token says", async () => {
    const { incidents, counter } = counting();
    const limits = { pageSize: 50, batch: 4, scanLimit: 6 };
    // A forged position no record has, older than nothing: before, one request skipped the whole history.
    let token: string | undefined = forge({ after: "x", at: 0 });
    let requests = 0;
    while (token) {
      counter.read = 0;
      const out = await searchIncidents(incidents, status, "disk full", token, limits);
      expect(counter.read).toBeLessThanOrEqual(limits.scanLimit);
      token = out.nextToken;
      expect(++requests).toBeLessThan(50);
    }
    // From the start: every request within the budget, every match exactly once, for any budget.
    const everyMatch = (await all({ pageSize: 1000, scanLimit: 1_000_000 })).flat();
    for (const l of [
      { pageSize: 50, batch: 4, scanLimit: 6 },
      { pageSize: 2, batch: 100, scanLimit: 5 },
      { pageSize: 1, batch: 3, scanLimit: 3 },
    ]) {
      const seen: string[] = [];
      token = undefined;
      requests = 0;
      do {
        counter.read = 0;
        const out = await searchIncidents(incidents, status, "disk full", token, l);
        expect(counter.read).toBeLessThanOrEqual(l.scanLimit);
        seen.push(...out.found.map((r) => r.arn!));
        token = out.nextToken;
        expect(++requests).toBeLessThan(100);
      } while (token);
      expect(seen).toEqual(everyMatch);
    }
  });

  it("refuses a token of the wrong shape with a ValidationException", async () => {
    for (const bad of [forge({ after: "x" }), forge({ at: 0 }), forge({ after: "x", at: "0" }), forge({ t: 1 }), forge([1]), forge({ after: "x", at: 0, extra: 1 }), "s.%%%"]) {
      await expect(searchIncidents(h.incidents, status, "disk", bad, { pageSize: 5 })).rejects.toMatchObject({ code: "ValidationException" });
    }
  });

  it("refuses a token that isn't a search token", async () => {
    await expect(searchIncidents(h.incidents, status, "disk", "garbage", { pageSize: 5 })).rejects.toMatchObject({ code: "ValidationException" });
  });
});
