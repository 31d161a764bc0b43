// The engine as the services reach it (EngagementEngine, ../context.ts): built once per local
// context from what the engine needs of it.
import type { EngagementEngine } from "../context";
import { withPrismaHotTx } from "@/lib/db/prisma-hot-tx";
import { pageAcknowledged } from "./acknowledge";
import { contactsWithPlans } from "./contact-plans";
import type { EngineContext } from "./context";
import { startIncidentEngagements } from "./incident-engagements";
import { createEngagement } from "./start";
import { stopEngagementRows } from "./stop";
import { fireNow } from "./tick";

export function createEngine(ctx: EngineContext): EngagementEngine {
  return {
    async startEngagement(tx, contactArn, fields, now) {
      const contact = (await contactsWithPlans(tx, [contactArn])).get(contactArn);
      return contact ? createEngagement(tx, ctx, contact, fields, now) : null;
    },
    startIncidentEngagements: (tx, responsePlanId, incident, now) => startIncidentEngagements(tx, ctx, responsePlanId, incident, now),
    stopEngagement: stopEngagementRows,
    pageAcknowledged: (tx, page, now) => withPrismaHotTx(ctx.db, tx, (hot) => pageAcknowledged(hot, tx, page, now)),
    fireNow: (engagementIds) => fireNow(ctx, engagementIds),
  };
}
