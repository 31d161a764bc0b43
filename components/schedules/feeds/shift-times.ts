// A shift's times as people read them: in the rotation's zone (where the hand-offs are set), named.
// Intl with an explicit zone, so the server and the browser write the same text.
export function shiftRange(start: string, end: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${f.format(new Date(start))} – ${f.format(new Date(end))} (${timeZone})`;
}
