// A person's next on-call shifts (My pages, a contact's page): when, where, and whether it is an override.
import { Container } from "@/components/ui/container";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/console/core/result";
import type { NextShifts } from "@/lib/console/schedules/feeds/dto";
import { shiftRange } from "./shift-times";

export function NextShiftsSection({ title, result, empty }: { title: string; result: ActionResult<NextShifts>; empty: string }) {
  return (
    <Container header={title} description="The next four weeks, the shift on now first.">
      {!result.ok ? (
        <ErrorAlert error={result.error} />
      ) : result.data.shifts.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ul aria-label={title} className="space-y-2">
          {result.data.shifts.map((s) => (
            <li key={`${s.rotationArn}-${s.start}`} className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-bold">{[s.schedule, s.rotation].filter(Boolean).join(" / ")}</span>
              <span>{shiftRange(s.start, s.end, s.timeZoneId)}</span>
              {s.type === "OVERRIDDEN" ? <span className="text-muted">(override)</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
