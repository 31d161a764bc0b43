// The engagement engine (DESIGN.md, "Engagement engine"): engagements walk their plans as EngineJob
// rows with due times, fired by a scheduler tick. The jobs run on lib/jobs (how they are claimed
// and what delivery guarantee that gives); fire.ts says what a job does. The services reach the
// engine through the EngagementEngine of their context (engine.ts), never by importing it.
//
// What lib/im/local/index.ts (createEngine), lib/bootstrap (the scheduler), the engine's tests and
// its benchmark use; nothing else imports the engine.
export type { EngineContext } from "./context";
export { createEngine } from "./engine";
export { contactsWithPlans, type ContactWithPlan } from "./contact-plans";
export { createEngagement } from "./start";
export { INCIDENT_ENGAGEMENT_SENDER } from "./incident-engagements";
export { tick, type TickOptions } from "./tick";
export { startScheduler, type SchedulerOptions } from "./scheduler";
export { ENGAGEMENT_EVENT_TYPES } from "./incident-events";
