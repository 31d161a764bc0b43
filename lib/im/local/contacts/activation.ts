// Activation codes: "Incident Manager can't engage a contact channel until it has been activated"
// (reference: SendActivationCode). A code is six digits (ActivationCode allows 6 to 10), valid for
// ACTIVATION_CODE_TTL_MS from the model's clock, single-use, and good for MAX_ACTIVATION_ATTEMPTS
// wrong guesses (then a new code must be sent). Only a hash of it is kept on the channel, and the
// outbox masks it when a transport delivered it (lib/notify). A new code replaces the previous one.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { DeliveryResult } from "@/lib/notify/types";
import { keyedHash } from "@/lib/secrets/server-key";
import type { LocalContext } from "../context";

export const ACTIVATION_CODE_TTL_MS = 15 * 60 * 1000;
/** Wrong codes a channel takes before its code stops working: a million codes, five guesses. */
export const MAX_ACTIVATION_ATTEMPTS = 5;

/**
 * Keyed with the server's key (lib/secrets) and bound to the channel: a six-digit code has only a
 * million values, so a plain hash in a stolen database would give it away at once.
 */
export function hashActivationCode(channelId: string, code: string): string {
  return keyedHash("activation-code", `${channelId}:${code}`);
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
};

export function codeMatches(channelId: string, code: string, storedHash: string): boolean {
  // A code sent before codes were keyed (plain SHA-256) still works for its 15 minutes.
  return same(hashActivationCode(channelId, code), storedHash) || same(createHash("sha256").update(`${channelId}:${code}`).digest("hex"), storedHash);
}

/** A fresh code for a channel, with the columns that store it. */
export function newActivationCode(ctx: LocalContext, channelId: string) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  return {
    code,
    columns: {
      activationCodeHash: hashActivationCode(channelId, code),
      activationCodeExpiresAt: new Date(ctx.clock.now().getTime() + ACTIVATION_CODE_TTL_MS),
      activationAttempts: 0,
    },
  };
}

export type CodeDelivery = { code: string; channelArn: string; type: string; address: string; channelName: string; alias: string };

/**
 * Sends a code through the notifier, after the transaction that stored its hash has committed (the
 * notifier writes with the process's client, which must not run inside a transaction).
 */
export function deliverActivationCode(ctx: LocalContext, d: CodeDelivery): Promise<DeliveryResult> {
  return ctx.notifier.send({
    kind: "ACTIVATION",
    channel: d.type as "EMAIL" | "SMS" | "VOICE",
    address: d.address,
    subject: "Your Incident Manager activation code",
    body: `Your Incident Manager activation code is ${d.code}. It activates the contact channel "${d.channelName}" of ${d.alias} and expires in ${ACTIVATION_CODE_TTL_MS / 60_000} minutes.`,
    channelArn: d.channelArn,
    secret: d.code,
  });
}
