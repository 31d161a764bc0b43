// Between a datetime-local input's value (the browser's local time, no offset) and UTC ISO 8601.
// Kept apart from the zod schemas so the forms that show times don't load the validator with them.

/** "2024-05-01T14:30" (local, no offset) → UTC ISO. ECMAScript reads an offset-less date-time as local time. */
export function localToIso(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * UTC ISO → the value a datetime-local input (step 1 s) shows in the browser's time zone, to the
 * second: a time cut to the minute would move an event up to 59 s earlier (issue 16).
 */
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
