// A calendar feed's body (RFC 5545) through ical-generator: one VEVENT per shift. Times are UTC
// (DTSTART:…Z): every calendar app reads them, where a TZID needs a VTIMEZONE block the app may
// not resolve; the rotation's zone is named in the description, and the app shows the event in
// the reader's own zone anyway.
import "server-only";
import { createHash } from "node:crypto";
import ical from "ical-generator";
import type { NamedShift } from "./dto";

/** How far back and ahead a feed reaches (calendar apps keep what they have seen before). */
export const FEED_PAST_MS = 30 * 86_400_000;
export const FEED_AHEAD_MS = 180 * 86_400_000;

/**
 * A shift's UID: stable across polls, so a calendar app updates an event rather than adding a new
 * one — the rotation and the shift's start (one rotation has one shift starting at a time).
 */
export function shiftUid(s: Pick<NamedShift, "rotationArn" | "start">): string {
  return `${createHash("sha256").update(`${s.rotationArn}\n${s.start}`).digest("hex").slice(0, 32)}@oncall.incident-manager-console`;
}

export function shiftSummary(s: NamedShift): string {
  const where = [s.schedule, s.rotation].filter(Boolean).join(" / ");
  const who = s.people.length ? s.people.map((p) => p.name).join(", ") : "nobody";
  return `On call: ${where} — ${who}`;
}

export function feedCalendar(name: string, shifts: NamedShift[], now = new Date()): string {
  const cal = ical({ name, prodId: { company: "incident-manager-console", product: "on-call", language: "EN" }, ttl: 15 * 60 });
  for (const s of shifts) {
    const lines = [`Rotation: ${s.rotation} (${s.timeZoneId})`, `On call: ${s.people.map((p) => p.name).join(", ") || "nobody"}`];
    if (s.type === "OVERRIDDEN") lines.push(`Override${s.replaced.length ? ` (replacing ${s.replaced.map((p) => p.name).join(", ")})` : ""}`);
    cal.createEvent({ id: shiftUid(s), start: new Date(s.start), end: new Date(s.end), stamp: now, summary: shiftSummary(s), description: lines.join("\n") });
  }
  return cal.toString();
}
