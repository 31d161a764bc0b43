"use client";
// Who is on call now and from when who is next: the hand-off in the rotation's zone, and in the
// viewer's when theirs differs ("Ben from Tue 09:00 (your time 15:00)").
import type { OnCallView, Person } from "@/lib/console/schedules/dto";
import { personColour } from "@/lib/console/schedules/calendar";
import { clockTime, weekdayTime, useViewerZone } from "./time-format";

export function PersonChip({ person }: { person: Person }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ backgroundColor: personColour(person.arn) }} />
      {person.name}
    </span>
  );
}

function People({ people }: { people: Person[] }) {
  if (people.length === 0) return <span className="font-bold text-error">Nobody (coverage gap)</span>;
  return (
    <span className="inline-flex flex-wrap gap-x-3">
      {people.map((p) => (
        <PersonChip key={p.arn} person={p} />
      ))}
    </span>
  );
}

export function HandOff({ next }: { next: NonNullable<OnCallView["next"]> }) {
  const viewer = useViewerZone();
  const who = next.people.length ? next.people.map((p) => p.name).join(", ") : "Nobody";
  return (
    <span>
      {who} from {weekdayTime(next.at, next.timeZoneId)}
      {viewer && viewer !== next.timeZoneId ? <> (your time {clockTime(next.at, viewer)})</> : null}
      <span className="text-muted"> · {next.timeZoneId}</span>
    </span>
  );
}

export function OnCallSummary({ onCall }: { onCall: OnCallView }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
      <dt className="text-muted">On call now</dt>
      <dd>
        <People people={onCall.now} />
      </dd>
      <dt className="text-muted">Next</dt>
      <dd>{onCall.next ? <HandOff next={onCall.next} /> : <span className="text-muted">No change in the next 35 days</span>}</dd>
    </dl>
  );
}
