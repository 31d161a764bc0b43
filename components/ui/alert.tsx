import clsx from "clsx";
import type { ReactNode } from "react";

export type AlertType = "error" | "warning" | "info" | "success";

const styles: Record<AlertType, string> = {
  error: "border-error bg-error-bg",
  warning: "border-warning bg-warning-bg",
  info: "border-info bg-info-bg",
  success: "border-success bg-success-bg",
};

export function Alert({ type, header, children, className }: { type: AlertType; header?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div role={type === "error" ? "alert" : "status"} className={clsx("rounded-xl border-2 px-4 py-3", styles[type], className)}>
      {header ? <p className="font-bold">{header}</p> : null}
      {children ? <div className={header ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

/** A backend error as the console shows it: the AWS exception name and its message. */
export function ErrorAlert({ error, className }: { error: { name: string; message: string }; className?: string }) {
  return (
    <Alert type="error" header={error.name} className={className}>
      {error.message}
    </Alert>
  );
}
