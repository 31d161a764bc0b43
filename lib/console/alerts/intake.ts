// STUB of the intake's core, for the console's "Send test alert": the HTTP intake (token, size, rate
// limit) replaces this file and keeps this signature.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { AlertIntegrationModel } from "@/lib/db/generated/sqlite/models";

export type AcceptedDelivery = { alertIds: string[]; fingerprints: string[] };

/**
 * Stores the alerts of one delivery to an already authenticated integration, with their processing
 * job, in one transaction (the 202 point), then wakes the processing. Throws UnreadablePayload for a body
 * its kind cannot read, changing nothing.
 */
export async function acceptDelivery(db: Db, integration: AlertIntegrationModel, body: unknown, now: Date): Promise<AcceptedDelivery> {
  void db;
  void integration;
  void body;
  void now;
  throw new Error("acceptDelivery: not written yet");
}
