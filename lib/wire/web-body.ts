// A Web Request's body read whole within a byte limit: the AWS endpoints' route handlers
// (handler.ts) and the alert intake's (lib/console/alerts/http.ts) read theirs here. Each gives the
// errors its protocol answers with.

export type BodyErrors = {
  /** Thrown as soon as the bytes read pass the limit; the stream is cancelled first. */
  tooLarge: () => Error;
  /** Thrown when the stream fails mid-read (the sender went away); without it, the failure itself. */
  readFailed?: (cause: unknown) => Error;
};

/** Reads `body` to its end, stopping (and cancelling it) as soon as it passes `limit` bytes. */
export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, limit: number, errors: BodyErrors): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      throw errors.readFailed ? errors.readFailed(e) : e;
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw errors.tooLarge();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    whole.set(c, offset);
    offset += c.byteLength;
  }
  return whole;
}
