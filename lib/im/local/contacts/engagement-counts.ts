// For each incident of a page of the console's incidents list: how many contacts and escalation
// plans it engaged, and how many of those engagements were acknowledged (some page read). Through
// the contract that is one ListEngagements per incident and one ListPagesByEngagement per
// engagement — 41 calls for a page of 20 incidents with an engagement each, which is what the
// console asks of AWS (lib/console/incidents/queries.ts). A console in local mode asks its own
// database this instead: one fixed statement for the whole page (lib/db/hot-reader.ts), the same
// counts.
import type { Db } from "@/lib/db/client";
import { hotReader, HotSql } from "@/lib/db/hot-reader";

export type EngagementCounts = { engaged: number; acknowledged: number };

/** Counts by incident ARN; an incident that engaged nobody counts 0 and 0. */
export async function engagementCountsByIncident(db: Db, incidentArns: string[]): Promise<Map<string, EngagementCounts>> {
  const counts = new Map(incidentArns.map((arn) => [arn, { engaged: 0, acknowledged: 0 }]));
  if (!incidentArns.length) return counts;
  // CAST: PostgreSQL's COUNT and SUM are bigint, which pg reads as text.
  const q = new HotSql()
    .sql(
      `SELECT e."incidentId", CAST(COUNT(*) AS INTEGER) AS "engaged",
         CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM "Page" p WHERE p."engagementId" = e."id" AND p."readTime" IS NOT NULL) THEN 1 ELSE 0 END) AS INTEGER) AS "acknowledged"
       FROM "Engagement" e WHERE `,
    )
    .in(`e."incidentId"`, incidentArns, { oneStatement: true })
    .sql(` GROUP BY e."incidentId"`);
  const rows = await hotReader(db).all<{ incidentId: string } & EngagementCounts>(q.query("engagement.countsByIncident"), q.params);
  for (const r of rows) counts.set(r.incidentId, { engaged: r.engaged, acknowledged: r.acknowledged });
  return counts;
}
