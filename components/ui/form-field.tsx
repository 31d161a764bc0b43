import clsx from "clsx";
import { forwardRef, type ComponentProps, type ReactNode } from "react";

const control =
  "block w-full rounded-lg border-2 border-[#8c8c94] bg-white px-3 py-1 leading-6 text-ink placeholder:text-[#8c8c94] focus:border-link focus:outline-none aria-[invalid=true]:border-error";

/** The accessibility attributes a control needs to point at its field's description and error. */
export function fieldAria(id: string, opts: { error?: string; description?: boolean }) {
  const describedBy = [opts.description ? `${id}-description` : null, opts.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": opts.error ? true : undefined,
    "aria-errormessage": opts.error ? `${id}-error` : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

/** Label, control, description and inline error, as Cloudscape's FormField. */
export function FormField({
  id,
  label,
  description,
  constraint,
  error,
  optional,
  children,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  constraint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-bold">
        {label}
        {optional ? <span className="font-normal text-muted italic"> - optional</span> : null}
      </label>
      {description ? (
        <p id={`${id}-description`} className="text-muted">
          {description}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="flex gap-1.5 text-error">
          <span aria-hidden>⚠</span>
          <span>{error}</span>
        </p>
      ) : constraint ? (
        <p className="text-xs text-muted">{constraint}</p>
      ) : null}
    </div>
  );
}

export const Input = forwardRef<HTMLInputElement, ComponentProps<"input">>(function Input({ className, ...props }, ref) {
  return <input ref={ref} className={clsx(control, className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, ComponentProps<"textarea">>(function Textarea({ className, ...props }, ref) {
  return <textarea ref={ref} className={clsx(control, "min-h-20", className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, ComponentProps<"select">>(function Select({ className, ...props }, ref) {
  return <select ref={ref} className={clsx(control, "pr-8", className)} {...props} />;
});
