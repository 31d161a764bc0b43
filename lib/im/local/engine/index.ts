// The engagement engine (DESIGN.md, "Engagement engine"): engagements walk their plans as EngineJob
// rows with due times, fired by a scheduler tick. See claim.ts for how jobs are claimed and what
// delivery guarantee that gives, fire.ts for what a job does. The services reach it through the
// EngagementEngine of their context (engine.ts), never by importing it.
export type { EngineContext } from "./context";
export { createEngine } from "./engine";
export { contactsWithPlans, CONTACT_WITH_PLAN, type ContactWithPlan } from "./contact-plans";
export { createEngagement } from "./start";
export { startIncidentEngagements, INCIDENT_ENGAGEMENT_SENDER } from "./incident-engagements";
export { pageAcknowledged } from "./acknowledge";
export { stopEngagementRows } from "./stop";
export { tick, fireNow, INSTANCE_ID, type TickOptions, type TickResult } from "./tick";
export { startScheduler, type Scheduler, type SchedulerOptions } from "./scheduler";
export { LEASE_MS, MAX_ATTEMPTS } from "./claim";
export { JOB_KIND, JOB_STATUS } from "./jobs";
export { ENGAGEMENT_EVENT_TYPES } from "./incident-events";
