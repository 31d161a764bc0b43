"use server";
// Engaging contacts for an incident, starting an engagement by hand, and stopping one.
import { safeAction } from "@/lib/console/core/safe-action";
import { validation } from "@/lib/im/errors";
import { readIncidentEngagements } from "./queries";
import { engagementState, isStillPaging } from "./state";
import { recordStop } from "./stops";
import { engageContactSchema, INCIDENT_RESOLVED_REASON, stopIncidentPagingSchema, startEngagementFieldFor, startEngagementFormSchema, stopEngagementSchema, toIncidentEngagementInput, toStartEngagementInput } from "./schemas";

/** StartEngagement with IncidentId = the incident's ARN: the engagement shows on the incident. */
export const engageContactAction = safeAction({
  name: "engageContactAction",
  input: engageContactSchema,
  permission: "contacts.write",
  conflictField: "contactArn",
  run: async ({ incidentArn, contactArn }, { im, user }) => {
    const { incidentRecord } = await im.incidents.getIncidentRecord({ arn: incidentArn });
    const { EngagementArn } = await im.contacts.startEngagement(toIncidentEngagementInput(contactArn, incidentArn, incidentRecord, user.email));
    return { engagementArn: EngagementArn };
  },
});

/** StartEngagement from the Engagements page's form: any contact or plan, any subject, optionally for an incident. */
export const startEngagementAction = safeAction({
  name: "startEngagementAction",
  input: startEngagementFormSchema,
  permission: "contacts.write",
  fieldFor: startEngagementFieldFor,
  conflictField: "contactArn",
  run: async (values, { im }) => {
    const { EngagementArn } = await im.contacts.startEngagement(toStartEngagementInput(values));
    return { engagementArn: EngagementArn };
  },
});

/**
 * StopEngagement. From an incident's tab (incidentArn given) only for an engagement of that
 * incident; from the Engagements page (no incidentArn) any engagement.
 */
export const stopEngagementAction = safeAction({
  name: "stopEngagementAction",
  input: stopEngagementSchema,
  permission: "contacts.write",
  fieldFor: (path) => (path === "Reason" ? "reason" : undefined),
  run: async ({ incidentArn, engagementArn, reason }, { im, user }) => {
    const engagement = await im.contacts.describeEngagement({ EngagementId: engagementArn });
    if (incidentArn !== undefined && engagement.IncidentId !== incidentArn) throw validation("This engagement is not one of this incident's.", [{ name: "engagementArn", message: "Not an engagement of this incident" }]);
    await im.contacts.stopEngagement({ EngagementId: engagementArn, Reason: reason || undefined });
    // Only if this call stopped it: one already stopped keeps its stopper (or none).
    if (!engagement.StopTime) await recordStop(engagementArn, user.name || user.email);
    return { engagementArn };
  },
});

/**
 * "Stop paging for this incident" (offered when resolving it): StopEngagement for each of the
 * incident's engagements that is still paging, as the console reads their state (state.ts). A
 * plain StopEngagement per engagement, so aws mode does the same and AWS keeps its own semantics
 * (StopTime is what StopEngagement sets); stopping one that stopped meanwhile is no error there.
 */
export const stopIncidentPagingAction = safeAction({
  name: "stopIncidentPagingAction",
  input: stopIncidentPagingSchema,
  permission: "contacts.write",
  run: async ({ incidentArn }, ctx) => {
    const engagements = await readIncidentEngagements(ctx, incidentArn, null);
    const now = Date.now();
    const paging = engagements.filter((e) => !e.stopTime && isStillPaging(engagementState(e.facts, now)));
    for (const e of paging) {
      await ctx.im.contacts.stopEngagement({ EngagementId: e.arn, Reason: INCIDENT_RESOLVED_REASON });
      await recordStop(e.arn, ctx.user.name || ctx.user.email);
    }
    return { stopped: paging.map((e) => e.arn) };
  },
});
