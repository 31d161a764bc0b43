// Durable jobs: work that must happen at a due time and survive its process. A job is a row of the
// job table (EngineJob) with a kind, a JSON payload and a due time, so a restarted process, or
// another console instance on the same database, carries on where the last one stopped.
//
// How it runs. Each console process runs a scheduler loop (startJobScheduler) that wakes at least
// every second, or when the next job is due. A tick (tickJobs) claims a batch of due jobs with a
// lease (claimDue: a conditional UPDATE, safe with several processes on one PostgreSQL, see
// claim.ts) and hands it to its domain's fire function. That function does the work, then
// completes the jobs in the transaction that writes their effects, fenced by its claim token
// (completeClaimed: it writes the effects of only the jobs it still holds), and gives back the
// ones that failed unexpectedly (releaseJob: due again later, FAILED after MAX_ATTEMPTS). So a
// job's database effects are written exactly once, and what it does outside the database at least
// once.
//
// Using it. A domain describes its jobs as a JobRunner (its name for log lines, the database, a
// clock, the scope of its rows, its fire function), ticks it with tickJobs, and gives the process's
// scheduler a tick that includes it. Kinds and payloads belong to the domain (payloadOf reads one).
// This module is the ground floor: it imports lib/db and nothing of the domains above it.
//
// The table. EngineJob holds every domain's jobs, each in its queue (EngineJob.queue, indexed with
// status and dueAt so a runner's claim walks only its own pending jobs): the engine's (ENGINE) keep
// their engagementId and its cascade; a console domain's (ALERTS) go without, and that domain
// deletes them with its own data. Every runner must set its scope to its queue: unscoped, it would
// claim the other domains' jobs and fail them as kinds it doesn't know.
// The table keeps its name: renaming it is a migration with nothing to gain.
export { JOB_QUEUE, JOB_STATUS, PENDING_ONLY, type JobQueue, payloadOf, type JobRow, type JobScope } from "./job";
export { claimDue, releaseJob, LEASE_MS, MAX_ATTEMPTS, type Claim, type ClaimOptions } from "./claim";
export { completeClaimed } from "./complete";
export { tickJobs, INSTANCE_ID, type FireJobs, type FireResult, type JobRunner, type TickOptions, type TickResult } from "./tick";
export { startJobScheduler, nextDueAt, type Scheduler, type SchedulerOptions } from "./scheduler";
