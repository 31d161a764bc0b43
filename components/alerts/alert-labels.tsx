// An alert's status and outcome as the Alerts page and the incident's Alerts tab say them: a word
// and an icon (colour never carries the meaning alone), and the outcome's reason in words.
import { StatusIndicator } from "@/components/ui/status-indicator";
import { ALERT_OUTCOME_LABELS, ALERT_STATUS_LABELS } from "@/lib/console/alerts/dto";
import type { AlertOutcome, AlertStatus } from "@/lib/console/alerts/normalized";

export function AlertStatusLabel({ status }: { status: AlertStatus }) {
  const type = status === "FIRING" ? "error" : status === "RESOLVED" ? "success" : "info";
  return <StatusIndicator type={type}>{ALERT_STATUS_LABELS[status]}</StatusIndicator>;
}

export function AlertOutcomeLabel({ outcome, reason }: { outcome: AlertOutcome; reason?: string }) {
  const label = ALERT_OUTCOME_LABELS[outcome];
  return (
    <span className="break-words">
      {outcome === "PENDING" ? <span className="text-muted">{label}…</span> : outcome === "IGNORED" ? <span>{label}</span> : <StatusIndicator type="success">{label}</StatusIndicator>}
      {reason ? <span className="block text-muted">{reason}</span> : null}
    </span>
  );
}
