import { Alert } from "@/components/ui/alert";
import { formatMinutes, planTimeline, type TimelineStage } from "./timeline";

/**
 * A plan as a timeline of minutes from the engagement's start, with a warning when nobody would
 * be engaged at all. `kind` words the targets: channels (a contact) or contacts (an escalation plan).
 */
export function EngagementTimeline({ stages, kind }: { stages: TimelineStage[]; kind: "channel" | "contact" }) {
  const entries = planTimeline(stages);
  const targets = entries.reduce((n, e) => n + e.targets.length, 0);
  const noun = kind === "channel" ? "channel targets" : "contact targets";
  return (
    <div className="space-y-3">
      {targets === 0 ? (
        <Alert type="warning" header="Nobody would be called">
          This plan has no {noun}: engaging it pages no one. Add a stage with at least one {kind === "channel" ? "channel" : "contact"}.
        </Alert>
      ) : null}
      {entries.length ? (
        <ol aria-label="Engagement timeline" className="space-y-3 border-l-2 border-line-strong pl-4">
          {entries.map((e) => (
            <li key={e.stage} className="relative">
              <span aria-hidden className="absolute top-1.5 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-link bg-white" />
              <p className="font-bold">
                Stage {e.stage + 1}: minute {e.start}
                {e.end > e.start ? ` to ${e.end}` : ""}
              </p>
              {e.targets.length ? (
                <ul className="mt-1 space-y-0.5">
                  {e.targets.map((t, i) => (
                    <li key={i}>
                      <span className="font-bold">{t.label}</span> — {formatMinutes(t.minutes)}
                      {t.essential ? <span className="text-muted"> · essential: acknowledging stops the plan</span> : null}
                      {t.note ? <span className="text-muted"> · {t.note}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-muted">No one is engaged in this stage.</p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-muted">No stages.</p>
      )}
    </div>
  );
}
