// How each page of an engagement reached its person (ListPageResolutions): "escalation plan → schedule → Ann".
import { Container } from "@/components/ui/container";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/console/core/result";
import type { PagePath } from "@/lib/console/schedules/feeds/dto";

export function PagePathsSection({ result }: { result: ActionResult<PagePath[]> }) {
  if (result.ok && result.data.length === 0) return null;
  return (
    <Container header="Who was paged, and how" description="The path from the engaged contact to each person paged.">
      {!result.ok ? (
        <ErrorAlert error={result.error} />
      ) : (
        <ul aria-label="Resolution paths" className="space-y-1.5">
          {result.data.map((p) => (
            <li key={p.pageArn}>
              {p.steps.map((s, i) => (
                <span key={`${s.arn}-${i}`}>
                  {i > 0 ? " → " : null}
                  <span className={i === p.steps.length - 1 ? "font-bold" : undefined}>{s.name}</span>
                  {s.stageIndex !== undefined ? <span className="text-muted"> (stage {s.stageIndex + 1})</span> : null}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
