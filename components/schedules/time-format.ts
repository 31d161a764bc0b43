"use client";
// Times of on-call schedules in a named zone (the viewer's or a rotation's), through Intl: the
// browser's zone data, no offsets of ours. The console's wording is en-GB's 24-hour clock with
// the weekday, as people say hand-offs ("Tue 09:00").
import { useSyncExternalStore } from "react";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", ...options });
    formats.set(key, f);
  }
  return f;
}

/** "Tue 09:00" */
export const weekdayTime = (at: string | number, timeZone: string) => format(timeZone, { weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(at));
/** "09:00" */
export const clockTime = (at: string | number, timeZone: string) => format(timeZone, { hour: "2-digit", minute: "2-digit" }).format(new Date(at));
/** "Tue 8 Dec, 09:00" */
export const dayTime = (at: string | number, timeZone: string) =>
  format(timeZone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(at));
/** "Tue 8 Dec" */
export const dayLabel = (at: string | number, timeZone: string) => format(timeZone, { weekday: "short", day: "numeric", month: "short" }).format(new Date(at));
/** "December 2026" */
export const monthLabel = (at: string | number, timeZone: string) => format(timeZone, { month: "long", year: "numeric" }).format(new Date(at));

const noSubscription = () => () => {};

/** The viewer's time zone; null while rendering on the server (which can't know it). */
export function useViewerZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
