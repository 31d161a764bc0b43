// Who stopped an engagement through the console. AWS's StopEngagement takes a reason and records
// no one; the console keeps the stopper's name by engagement ARN in its own database (both modes),
// so the state reads "Stopped by Bob: reason". An engagement stopped elsewhere (the API, the AWS
// CLI) has no entry and reads "Stopped: reason".
import "server-only";
import { db as consoleDb, type Db } from "@/lib/db/client";

/** Records the first stopper only: stopping a stopped engagement again changes nothing in AWS either. */
export async function recordStop(engagementArn: string, stoppedBy: string, db: Db = consoleDb()): Promise<void> {
  await db.engagementStop.upsert({ where: { engagementArn }, create: { engagementArn, stoppedBy }, update: {} });
}

/** The name of who stopped the engagement through the console, if anyone did. */
export async function stopperOf(engagementArn: string, db: Db = consoleDb()): Promise<string | undefined> {
  const row = await db.engagementStop.findUnique({ where: { engagementArn }, select: { stoppedBy: true } });
  return row?.stoppedBy;
}
