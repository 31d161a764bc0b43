// Who is on call now in the schedules something engages (an incident's, a response plan's).
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/console/core/result";
import type { ScheduleOnCall } from "@/lib/console/schedules/feeds/dto";
import { schedulePath } from "@/lib/console/schedules/paths";
import { shiftRange } from "./shift-times";

export function OnCallNowList({ result, label = "On call now" }: { result: ActionResult<ScheduleOnCall[]>; label?: string }) {
  if (!result.ok) return <ErrorAlert error={result.error} />;
  if (result.data.length === 0) return null;
  return (
    <ul aria-label={label} className="space-y-1.5">
      {result.data.map((s) => (
        <li key={s.arn} className="flex flex-wrap items-baseline gap-x-2">
          <Link href={schedulePath(s.alias)} className="font-bold text-link underline">
            {s.name}
          </Link>
          <span>{s.onCall.now.length ? s.onCall.now.map((p) => p.name).join(", ") : "Nobody on call"}</span>
          {s.onCall.next ? (
            <span className="text-muted">
              then {s.onCall.next.people.map((p) => p.name).join(", ") || "nobody"} from {shiftRange(s.onCall.next.at, s.onCall.next.at, s.onCall.next.timeZoneId).split(" – ")[0]}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
