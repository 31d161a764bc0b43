// The engagement engine (DESIGN.md, "Engagement engine"): engagements walk their plans as EngineJob
// rows with due times, fired by a scheduler tick. See claim.ts for how jobs are claimed and what
// delivery guarantee that gives, fire.ts for what a job does.
export type { EngineContext } from "./context";
export { contactsWithPlans, CONTACT_WITH_PLAN, type ContactWithPlan } from "../contacts/contact-plans";
export { createEngagement, type EngagementFields } from "./start";
export { startIncidentEngagements, INCIDENT_ENGAGEMENT_SENDER } from "./incident-engagements";
export { pageAcknowledged } from "./acknowledge";
export { stopEngagementRows } from "./stop";
export { acceptCodeMatches } from "../contacts/accept-code";
export { tick, fireNow, INSTANCE_ID, type TickOptions, type TickResult } from "./tick";
export { startScheduler, type Scheduler, type SchedulerOptions } from "./scheduler";
export { LEASE_MS, MAX_ATTEMPTS } from "./claim";
export { JOB_KIND, JOB_STATUS } from "./jobs";
export { ENGAGEMENT_EVENT_TYPES } from "./incident-events";
export * from "../contacts/engagement-records";
