"use client";
import { format, formatDistanceStrict } from "date-fns";
import { useNow } from "./use-now";

/** "5 minutes ago", with the absolute time on hover. Server and browser clocks differ: no hydration warning. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={format(date, "PPpp")} suppressHydrationWarning>
      {formatDistanceStrict(date, now, { addSuffix: true })}
    </time>
  );
}

/** The absolute time, in the browser's time zone. */
export function AbsoluteTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format(new Date(iso), "PPpp")}
    </time>
  );
}
