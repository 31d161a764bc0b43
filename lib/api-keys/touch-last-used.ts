import "server-only";
import type { Db } from "@/lib/db/client";

/** lastUsedAt is shown to the minute; writing it on every request would make each call a write. */
const TOUCH_INTERVAL_MS = 60_000;

/** Records that a key was used, at most once a minute per key. */
export async function touchLastUsed(db: Db, accessKeyId: string, now: Date = new Date()): Promise<void> {
  await db.apiKey.updateMany({
    where: {
      accessKeyId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }],
    },
    data: { lastUsedAt: now },
  });
}
