"use client";
// date-fns's Intl-based helpers: the browser's own Intl data does the wording, so no date-fns
// locale (≈9 KB gzipped) ships to the browser.
import { intlFormat, intlFormatDistance } from "date-fns";
import { useNow } from "./use-now";

const ABSOLUTE: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium" };

/** "Feb 1, 2024, 9:15:00 AM", in the browser's time zone (the console's wording is en-US). */
export function formatAbsoluteTime(iso: string | Date): string {
  // ICU puts a narrow no-break space before AM/PM; a plain space copies and searches better.
  return intlFormat(new Date(iso), ABSOLUTE, { locale: "en-US" }).replace(/\u202f/g, " ");
}

/** "5 minutes ago", "yesterday", "in 2 hours". */
export function formatRelativeTime(iso: string | Date, now: Date | number): string {
  return intlFormatDistance(new Date(iso), now, { locale: "en-US" });
}

/** "5 minutes ago", with the absolute time on hover. Server and browser clocks differ: no hydration warning. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatAbsoluteTime(iso)} suppressHydrationWarning>
      {formatRelativeTime(iso, now)}
    </time>
  );
}

/** The absolute time, in the browser's time zone. */
export function AbsoluteTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatAbsoluteTime(iso)}
    </time>
  );
}
