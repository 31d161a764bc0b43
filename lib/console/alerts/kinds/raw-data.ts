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

  // The tightest clip first: when even it is too long, the looser ones are not tried (a payload
  // of many values, not of long ones).
  const tree = clipStrings(value, CLIP_STAGES[CLIP_STAGES.length - 1]);
  const tightest = JSON.stringify(tree);
  if (tightest.length <= max) {
    for (const limit of CLIP_STAGES.slice(0, -1)) {
      const text = JSON.stringify(clipStrings(value, limit));
      if (text.length <= max) return text;
    }
    return tightest;
  }

  if (isRecord(tree) || Array.isArray(tree)) {
    // Each pass leaves out at least an eighth of what is too much, or the tail of a long list
    // that is enough; bounded anyway, and the excerpt below is the way out.
    for (let pass = 0; pass < 64; pass++) {
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

type Part = { parent: Container; key: string | number; size: number };

const note = (size: number) => `(${size} characters left out)`;

/**
 * Leaves out the smallest part whose removal is enough to fit (losing as little as possible);
 * when none is, the largest if that gains at least an eighth of the excess; else (many small
 * parts: a list of thousands of lines) the tail of the container with the most entries. A list
 * or an object chosen keeps its first entries and says how many went, rather than going whole.
 */
function leaveOutOnePart(tree: Container, excess: number): boolean {
  const parts: Part[] = [];
  collect(tree, parts);
  const children = new Map<Container, Part[]>([[tree, []]]);
  for (const p of parts) {
    const list = children.get(p.parent);
    if (list) list.push(p);
    else children.set(p.parent, [p]);
  }
  // A note is plain ASCII: its JSON is its length and two quotes.
  const gain = (p: Part) => p.size - (note(p.size).length + 2);
  let smallestEnough: Part | undefined;
  let largest: Part | undefined;
  for (const p of parts) {
    const g = gain(p);
    if (g <= 0) continue;
    if (g >= excess && (!smallestEnough || p.size < smallestEnough.size)) smallestEnough = p;
    if (!largest || p.size > largest.size) largest = p;
  }
  const pick = smallestEnough ?? (largest && gain(largest) * 8 >= excess ? largest : undefined);
  if (pick) {
    const value = (pick.parent as Record<string | number, unknown>)[pick.key];
    const entries = isContainer(value) ? children.get(value) : undefined;
    if (isContainer(value) && entries && entries.length > 1) cutTail(value, entries, excess);
    else (pick.parent as Record<string | number, unknown>)[pick.key] = note(pick.size);
    return true;
  }
  let longest: Container | undefined;
  for (const [c, list] of children) if (list.length > 1 && (!longest || list.length > children.get(longest)!.length)) longest = c;
  if (!longest) return false;
  cutTail(longest, children.get(longest)!, excess);
  return true;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || isRecord(value);
}

/** Drops a container's last entries until enough is gone (keeping one), with a note of how many. */
function cutTail(container: Container, entries: Part[], excess: number): void {
  let removed = 0;
  let count = 0;
  while (count < entries.length - 1 && removed < excess + 40) {
    const p = entries[entries.length - 1 - count];
    removed += p.size + 1 + (typeof p.key === "string" ? JSON.stringify(p.key).length + 1 : 0);
    count++;
  }
  if (Array.isArray(container)) {
    container.splice(container.length - count, count, `(${count} more items left out)`);
  } else {
    for (const p of entries.slice(entries.length - count)) delete container[p.key as string];
    container["…"] = `(${count} more entries left out)`;
  }
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
