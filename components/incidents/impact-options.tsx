// The <option>s of an impact <select>, most severe first, with an optional first empty choice.
import { IMPACTS, impactLabel } from "@/lib/console/incidents/impact";

export function ImpactOptions({ empty }: { empty?: string }) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {IMPACTS.map((i) => (
        <option key={i} value={String(i)}>
          {impactLabel(i)}
        </option>
      ))}
    </>
  );
}
