import type { Db, Tx } from "@/lib/db/client";
import type { HotTx } from "@/lib/db/hot-writer";
import type { Notifier } from "@/lib/notify/types";
import type { Clock } from "./clock";

/** What an engagement's messages say (StartEngagement's texts; StartIncident makes them from the incident). */
export type EngagementFields = {
  sender: string;
  subject: string;
  content: string;
  publicSubject?: string;
  publicContent?: string;
  incidentId?: string;
};

/** What StartIncident tells the engine of the incident whose response plan engages contacts. */
export type IncidentForEngagement = { arn: string; title: string; impact: number; summary: string | null };

/** A page acknowledged for the first time (AcceptPage with AcceptType READ). */
export type AcknowledgedPage = { id: string; arn: string; contactArn: string; isEssential: boolean; engagementId: string };

/**
 * The engagement engine as the services reach it. It is passed in the context (lib/im/local/index.ts
 * builds it from ./engine) rather than imported, because the engine depends on both services'
 * code — it writes incidents' timeline events and reads contacts' plans — and incidents/ and
 * contacts/ must not depend on it in turn. Every write runs in the caller's transaction: starting
 * engagements in a hot writer's (lib/db/hot-writer.ts: fixed statements, the engine's paging path
 * is StartIncident's and StartEngagement's), stopping and acknowledging in Prisma's.
 */
export type EngagementEngine = {
  /** Starts an engagement of a personal contact or escalation plan; null when no such contact exists. */
  startEngagement(tx: HotTx, contactArn: string, fields: EngagementFields, now: Date): Promise<{ id: string; arn: string } | null>;
  /** StartIncident: engages each contact the response plan (by its row id) engages; returns the engagement ids. */
  startIncidentEngagements(tx: HotTx, responsePlanId: string, incident: IncidentForEngagement, now: Date): Promise<string[]>;
  /** StopEngagement; false when the engagement was already stopped. */
  stopEngagement(tx: Tx, engagementId: string, reason: string | undefined, now: Date): Promise<boolean>;
  /** Call in AcceptPage's transaction on the first READ of a page. */
  pageAcknowledged(tx: Tx, page: AcknowledgedPage, now: Date): Promise<void>;
  /** After the commit: fires these engagements' steps that are due now (best effort). */
  fireNow(engagementIds: string[]): Promise<void>;
};

/** Everything a local operation needs: the database, the clock, the identity of the model and the caller. */
export type LocalContext = {
  db: Db;
  clock: Clock;
  accountId: string;
  region: string;
  /** The ARN of whoever calls: a console user or an API key's principal. */
  principalArn: string;
  /** Where activation codes and pages are sent (lib/notify). */
  notifier: Notifier;
  engine: EngagementEngine;
};
