// Seals every stored API key under the server's current key: keys stored before sealing existed
// (bare hashes) and keys sealed with an older server key (after a rotation). Run at start-up
// (lib/bootstrap/start.ts) and by `npm run secrets:rotate`. Each row is changed only if it is still
// what was read, so two instances doing it at once don't overwrite each other.
import "server-only";
import type { Db } from "@/lib/db/client";
import { isSealed, sealedWithCurrent, type ServerKeys } from "@/lib/secrets/server-key";
import { openSigningKey, sealSigningKey } from "./secrets";

export type SealResult = { sealed: number; unreadable: string[] };

export async function sealApiKeys(db: Db, keys?: ServerKeys): Promise<SealResult> {
  const rows = await db.apiKey.findMany({ select: { accessKeyId: true, signingKeyHash: true } });
  let sealed = 0;
  const unreadable: string[] = [];
  for (const row of rows) {
    if (isSealed(row.signingKeyHash) && sealedWithCurrent(row.signingKeyHash, keys)) continue;
    const hash = openSigningKey(row.signingKeyHash, row.accessKeyId, keys);
    if (!hash) {
      unreadable.push(row.accessKeyId);
      continue;
    }
    const { count } = await db.apiKey.updateMany({
      where: { accessKeyId: row.accessKeyId, signingKeyHash: row.signingKeyHash },
      data: { signingKeyHash: sealSigningKey(Buffer.from(hash).toString("hex"), row.accessKeyId, keys) },
    });
    sealed += count;
  }
  return { sealed, unreadable };
}
