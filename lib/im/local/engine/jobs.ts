// The engine's durable steps. Each is a job (lib/jobs: an EngineJob row with a due time); the
// scheduler claims due rows and fires them (lib/jobs, fire.ts). The rows are the whole state of an
// engagement in flight, so a restarted process (or another console instance on the same database)
// carries on where the last one stopped.

/** Names the engine in the job runner's log lines ("[engine] ..."). */
export const RUNNER_NAME = "engine";

export const JOB_KIND = {
  /** Deliver a page to one channel of its contact (one attempt; a retry is the next DELIVER). */
  deliver: "DELIVER",
  /** Put a page in the console inbox of its contact. */
  inbox: "INBOX",
  /** Start stage k of an escalation plan: page its target contacts. Stage 0 starts inside StartEngagement. */
  escalationStage: "ESCALATION_STAGE",
} as const;

/**
 * The page's accept code travels with its delivery steps: every message of the page quotes it,
 * while the page row keeps only a hash for AcceptPage to check against.
 */
export type DeliverPayload = {
  stage: number;
  channelArn: string;
  /** ChannelTargetInfo.RetryIntervalInMinutes; 0 = no retries. */
  retryMinutes: number;
  /** When the stage ends (epoch ms): no retry is scheduled at or after it. */
  stageEndsAt: number;
  attempt: number;
  code: string;
};

export type InboxPayload = { code: string };

export type EscalationTarget = { contactArn: string; isEssential: boolean };
export type EscalationStagePayload = { stage: number; targets: EscalationTarget[] };

/** A new job (inserted with insertMany, see NEW_JOB_COLUMNS). */
export type NewJob = {
  id: string;
  engagementId: string;
  pageId: string | null;
  kind: string;
  payload: string;
  dueAt: Date;
};

/** EngineJob columns a new job sets (status, attempts and the claim keep their defaults). */
export const NEW_JOB_COLUMNS = ["id", "engagementId", "pageId", "kind", "payload", "dueAt"] as const;
