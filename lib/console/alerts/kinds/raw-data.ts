// triggerDetails.rawData is at most RawData's max characters (the AWS model); an alert's payload
// can be far larger (a Grafana message, PagerDuty custom_details with a stack trace). What is
// kept must still read as the alert: every key and the start of every value first, then whole
// parts left out (the smallest part whose removal is enough), and only as a last resort a cut.
import { ALERT_LIMITS } from "../limits";
import type { NormalizedAlert } from "../normalized";
import { isRecord } from "./read";

/** The alert's raw payload as StartIncident's triggerDetails.rawData: JSON within the model's max. */
export function triggerRawData(alert: NormalizedAlert): string {
  return fitJson(alert.raw, ALERT_LIMITS.rawData);
}

/** Stages of string clipping: long values first lose their tails, keys kept. */
const CLIP_STAGES = [2000, 500, 120, 40];

/** `value` as JSON in at most `max` characters (valid JSON whenever `max` allows any). */
export function fitJson(value: unknown, max: number): string {
  const whole = JSON.stringify(value) ?? "null";
  if (whole.length <= max) return whole;

  for (const limit of CLIP_STAGES) {
    const text = JSON.stringify(clipStrings(value, limit));
    if (text.length <= max) return text;
  }

  const tree = clipStrings(value, CLIP_STAGES[CLIP_STAGES.length - 1]);
  if (isRecord(tree) || Array.isArray(tree)) {
    // Each pass replaces one part with a note of its size; a part is never replaced twice, so
    // the loop ends (bounded anyway, in case a note is no smaller than what it replaces).
    for (let pass = 0; pass < 10_000; pass++) {
      const text = JSON.stringify(tree);
      if (text.length <= max) return text;
      if (!leaveOutOnePart(tree, text.length - max)) break;
    }
  }
  return excerpt(whole, max);
}

function clipStrings(value: unknown, limit: number): unknown {
  if (typeof value === "string") return value.length > limit ? `${value.slice(0, limit)}… (${value.length} characters)` : value;
  if (Array.isArray(value)) return value.map((v) => clipStrings(v, limit));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k.length > limit ? `${k.slice(0, limit)}…` : k] = clipStrings(v, limit);
  return out;
}

type Part = { parent: Record<string, unknown> | unknown[]; key: string | number; size: number };

const note = (size: number) => `(${size} characters left out)`;

/**
 * Replaces the smallest part whose replacement is enough to fit (losing as little as possible);
 * when none is, the largest (gaining the most), then the caller measures again.
 */
function leaveOutOnePart(tree: Record<string, unknown> | unknown[], excess: number): boolean {
  const parts: Part[] = [];
  collect(tree, parts);
  const gain = (p: Part) => p.size - JSON.stringify(note(p.size)).length;
  const useful = parts.filter((p) => gain(p) > 0);
  if (!useful.length) return false;
  const enough = useful.filter((p) => gain(p) >= excess).sort((a, b) => a.size - b.size);
  const pick = enough[0] ?? useful.sort((a, b) => b.size - a.size)[0];
  (pick.parent as Record<string | number, unknown>)[pick.key] = note(pick.size);
  return true;
}

/** Every part below the root with its JSON size (a note already in place counts as a plain string). */
function collect(node: unknown, parts: Part[]): number {
  if (Array.isArray(node)) {
    let size = 2 + Math.max(0, node.length - 1);
    node.forEach((child, i) => {
      const s = collect(child, parts);
      parts.push({ parent: node, key: i, size: s });
      size += s;
    });
    return size;
  }
  if (isRecord(node)) {
    const entries = Object.entries(node);
    let size = 2 + Math.max(0, entries.length - 1);
    for (const [k, child] of entries) {
      const s = collect(child, parts);
      parts.push({ parent: node, key: k, size: s });
      size += JSON.stringify(k).length + 1 + s;
    }
    return size;
  }
  return (JSON.stringify(node) ?? "null").length;
}

/** The last resort: the start of the JSON, said to be an excerpt, still JSON. */
function excerpt(whole: string, max: number): string {
  const wrap = (text: string) => JSON.stringify({ truncated: true, originalLength: whole.length, excerpt: text });
  let length = Math.max(0, max - wrap("").length);
  let out = wrap(whole.slice(0, length));
  // Escapes make the excerpt longer than its characters; shorten until it fits.
  while (out.length > max && length > 0) {
    length = Math.max(0, length - (out.length - max));
    out = wrap(whole.slice(0, length));
  }
  return out.length <= max ? out : whole.slice(0, max);
}
