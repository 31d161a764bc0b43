"use client";
// Choose the contacts and escalation plans a response plan engages: a search over
// /api/contacts/options, the chosen ones by name and alias (never a raw ARN), at most the model's limit.
import { useState } from "react";
import { ReachWarningsFor } from "@/components/contacts/reach-warnings";
import { contactLabel, useContactOptions } from "@/components/contacts/use-contact-options";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/form-field";
import { PLAN_LIMITS } from "@/lib/console/response-plans/schemas";
import type { ContactOption } from "@/lib/console/contacts/dto";
import { aliasFromContactArn } from "@/lib/console/contacts/paths";
import { errorOf } from "@/lib/console/core/errors";

/** Matches shown at once: past this the search should be narrowed. */
const SHOWN = 8;

export function EngagementPicker({ value, onChange, error }: { value: string[]; onChange: (next: string[]) => void; error?: string }) {
  const [query, setQuery] = useState("");
  const options = useContactOptions(true);
  const byArn = new Map((options.data ?? []).map((c) => [c.arn, c]));
  const label = (arn: string) => {
    const c = byArn.get(arn);
    return c ? contactLabel(c) : aliasFromContactArn(arn);
  };
  const q = query.trim().toLowerCase();
  const matches = (options.data ?? []).filter(
    (c: ContactOption) => !value.includes(c.arn) && (!q || c.alias.toLowerCase().includes(q) || (c.displayName ?? "").toLowerCase().includes(q)),
  );
  const full = value.length >= PLAN_LIMITS.engagements;
  const readError = errorOf(options.error);

  return (
    <fieldset className="min-w-0 space-y-3" aria-describedby={error ? "plan-engagements-error" : undefined}>
      {/* The section's heading says it; the group still needs its name. */}
      <legend className="sr-only">Engagements</legend>
      <p className="text-muted">
        Contacts and escalation plans paged when an incident starts from this plan. At most {PLAN_LIMITS.engagements}.
      </p>
      {value.length ? (
        <ul aria-label="Chosen engagements" className="divide-y divide-line rounded-lg border border-line">
          {value.map((arn) => (
            <li key={arn} className="flex flex-wrap items-center justify-between gap-2 px-3 py-1.5">
              <span className="min-w-0 break-words">{label(arn)}</span>
              <Button variant="link" aria-label={`Remove ${aliasFromContactArn(arn)}`} onClick={() => onChange(value.filter((a) => a !== arn))}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">Nobody is engaged yet.</p>
      )}
      <ReachWarningsFor arns={value} />
      {error ? (
        <p id="plan-engagements-error" role="alert" className="flex gap-1.5 text-error">
          <span aria-hidden>⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
      {readError ? <ErrorAlert error={readError} /> : null}
      <div className="space-y-1">
        <label htmlFor="plan-engagement-search" className="block font-bold">
          Search contacts and escalation plans
        </label>
        <Input id="plan-engagement-search" type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} disabled={full} />
        {full ? <p className="text-xs text-muted">Remove one to choose another.</p> : null}
      </div>
      {options.isPending ? (
        <p role="status" className="text-muted">
          Loading contacts…
        </p>
      ) : !full ? (
        matches.length ? (
          <ul aria-label="Matching contacts" className="space-y-1">
            {matches.slice(0, SHOWN).map((c) => (
              <li key={c.arn}>
                {/* Not a Button: a long name wraps here instead of widening the page. */}
                <button
                  type="button"
                  className="rounded px-2 py-0.5 text-left font-bold break-all text-link hover:bg-info-bg hover:text-link-dark"
                  aria-label={`Add ${contactLabel(c)}`}
                  onClick={() => onChange([...value, c.arn])}
                >
                  + {contactLabel(c)}
                </button>
              </li>
            ))}
            {matches.length > SHOWN ? <li className="text-xs text-muted">{matches.length - SHOWN} more: narrow the search.</li> : null}
          </ul>
        ) : (
          <p className="text-muted">{q ? `Nothing matches "${query.trim()}".` : "No contacts or escalation plans to add."}</p>
        )
      ) : null}
    </fieldset>
  );
}
