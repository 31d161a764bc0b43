// The on-call schedules list: each schedule, its rotations, who is on call now and next.
import Link from "next/link";
import type { ScheduleSummary } from "@/lib/console/schedules/dto";
import { schedulePath } from "@/lib/console/schedules/paths";
import { OnCallSummary } from "./on-call-summary";

export function SchedulesList({ schedules }: { schedules: ScheduleSummary[] }) {
  if (schedules.length === 0) {
    return <p className="rounded-2xl border border-line bg-white p-6 text-muted">No on-call schedules yet: a schedule pages whoever its rotations have on call.</p>;
  }
  return (
    <ul aria-label="On-call schedules" className="grid gap-4 md:grid-cols-2">
      {schedules.map((s) => (
        <li key={s.arn} className="rounded-2xl border border-line bg-white p-4 shadow-sm">
          <h2 className="text-lg font-bold">
            <Link href={schedulePath(s.alias)} className="text-link hover:underline">
              {s.displayName || s.alias}
            </Link>
          </h2>
          {s.displayName ? <p className="text-muted">{s.alias}</p> : null}
          <div className="mt-3">
            <OnCallSummary onCall={s.onCall} />
          </div>
          <p className="mt-3 text-muted">
            {s.rotations.length === 0 ? "No rotations" : `Rotations: ${s.rotations.map((r) => `${r.name} (${r.timeZoneId})`).join(", ")}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
