// The incidents list's engagement counts in local mode (one statement for the page) are the counts
// the console computes through the contract in aws mode (ListEngagements by incident, then
// ListPagesByEngagement: acknowledged when a page was read), on each database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engagementCountsByIncident } from "@/lib/im/local/contacts/engagement-counts";
import { harness, seedEscalation, seedPersonal } from "@/test/engine/fixtures";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/test/support/databases";

describe.each(PROVIDERS)("engagement counts of the incidents list on %s", (provider) => {
  let t: TestDatabase;
  let h: ReturnType<typeof harness>;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    h = harness(t.db);
    await h.incidents.createReplicationSet({ regions: { "us-east-1": {} } });
  });
  afterAll(async () => t.cleanup());

  /** What lib/console/incidents/queries.ts counts through the contract (aws mode). */
  async function throughContract(incidentArn: string) {
    const { Engagements } = await h.contacts.listEngagements({ IncidentId: incidentArn, MaxResults: 100 });
    let acknowledged = 0;
    for (const e of Engagements!) {
      const { Pages } = await h.contacts.listPagesByEngagement({ EngagementId: e.EngagementArn, MaxResults: 100 });
      if (Pages!.some((p) => p.ReadTime)) acknowledged++;
    }
    return { engaged: Engagements!.length, acknowledged };
  }

  it("counts engaged and acknowledged engagements per incident, as the contract does", async () => {
    const lead = await seedPersonal(t.db, "lead", [{ type: "EMAIL", address: "lead@example.com" }], [{ minutes: 5, targets: [{ channel: 0 }] }]);
    const backup = await seedPersonal(t.db, "backup", [{ type: "EMAIL", address: "backup@example.com" }], [{ minutes: 5, targets: [{ channel: 0 }] }]);
    const team = await seedEscalation(t.db, "team", [{ minutes: 5, targets: [{ contactArn: backup.arn, essential: true }, { contactArn: lead.arn, essential: false }] }]);
    const engaging = await h.incidents.createResponsePlan({ name: "engaging", incidentTemplate: { title: "Checkout errors", impact: 2 }, engagements: [lead.arn, team.arn] });
    const quiet = await h.incidents.createResponsePlan({ name: "quiet", incidentTemplate: { title: "Nobody to page", impact: 4 } });

    const start = async (planArn: string) => (await h.incidents.startIncident({ responsePlanArn: planArn, clientToken: randomUUID() })).incidentRecordArn!;
    const [acked, unacked, nobody] = [await start(engaging.arn!), await start(engaging.arn!), await start(quiet.arn!)];
    // One page of the team's engagement read for the first incident: one of its two engagements is acknowledged.
    const [page] = (await h.contacts.listPagesByContact({ ContactId: backup.arn })).Pages!.filter((p) => p.IncidentId === acked);
    await h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "READ", AcceptCode: "000000" });

    const unknown = `arn:aws:ssm-incidents::000000000000:incident-record/engaging/${randomUUID()}`;
    const counts = await engagementCountsByIncident(t.db, [acked, unacked, nobody, unknown]);
    expect(Object.fromEntries(counts)).toEqual({
      [acked]: { engaged: 2, acknowledged: 1 },
      [unacked]: { engaged: 2, acknowledged: 0 },
      [nobody]: { engaged: 0, acknowledged: 0 },
      [unknown]: { engaged: 0, acknowledged: 0 },
    });
    for (const arn of [acked, unacked, nobody]) expect(counts.get(arn)).toEqual(await throughContract(arn));
    expect(await engagementCountsByIncident(t.db, [])).toEqual(new Map());
  });
});
