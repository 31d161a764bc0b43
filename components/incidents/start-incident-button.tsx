"use client";
import { buttonClass } from "@/components/ui/button";
import { deferred, type StandInProps } from "@/components/ui/deferred";

type Props = { responsePlanArn?: string; label?: string };

/**
 * "Start incident" (or "Start incident from this plan"): the dialog and its form load when the
 * button is first pressed, not with the incidents list or the plan's page.
 */
export const StartIncidentButton = deferred<Props>(
  () => import("./start-incident-dialog").then((m) => m.StartIncidentDialog),
  function StartIncidentStandIn({ label = "Start incident", activate, warm, busy }: Props & StandInProps) {
    return (
      <button type="button" className={buttonClass("primary")} onClick={activate} onPointerEnter={warm} onFocus={warm} aria-busy={busy || undefined}>
        {label}
      </button>
    );
  },
);
