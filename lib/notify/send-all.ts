// Sends a batch through any notifier: in one call when it can take a batch (Notifier.sendMany),
// otherwise a few messages at a time. Never throws: a notifier that throws (a bug, or the outbox's
// database gone) yields failed results, so one message can't take a whole batch down.
import type { DeliveryResult, Message, Notifier } from "./types";

export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const failed = (e: unknown): DeliveryResult => ({ ok: false, error: `Delivery failed: ${e instanceof Error ? e.message : String(e)}` });

export async function sendAll(notifier: Notifier, messages: Message[], concurrency = 16): Promise<DeliveryResult[]> {
  if (!messages.length) return [];
  if (notifier.sendMany) {
    try {
      return await notifier.sendMany(messages);
    } catch (e) {
      return messages.map(() => failed(e));
    }
  }
  return mapLimit(messages, concurrency, (m) => notifier.send(m).catch(failed));
}
