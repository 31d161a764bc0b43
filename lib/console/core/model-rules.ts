// Form rules from the AWS service model (lib/im/model): a form assembles the operation's input
// from its fields and asks shapeProblems what is wrong, so no limit or pattern is typed twice.
// The same mapping puts a server ValidationException's member paths back on the form's fields.
import type { z } from "zod";
import type { ValidationField } from "@/lib/im/errors";
import type { ServiceId } from "@/lib/im/model";
import { shapeProblems } from "@/lib/im/model/validate";
import type { FieldError } from "./result";

/** Maps an AWS member path (`incidentTemplate.title`, `engagements[2]`, `tags.env(key)`) to a form field. */
export type FieldFor = (memberPath: string) => string | undefined;

/** AWS's "Value 'x' at 'path' failed to satisfy constraint: Member must ..." → "Must ...". */
export function fieldMessage(message: string): string {
  // "Value 'x' at 'path'…", or "Value at 'path'…" for lists, maps and unions (no value shown).
  const rule = message.replace(/^Value (?:.*? )?at '[^']*' failed to satisfy constraint: /s, "");
  if (/^Member must not be null$/.test(rule)) return "Required.";
  const text = rule.replace(/^Member must/, "Must");
  // A pattern is shown as is: a trailing period would read as part of it.
  return text.includes("pattern: ") || text.endsWith(".") ? text : `${text}.`;
}

/** Which line of a multi-line field (a list) or which map key a member path points at. */
function itemLabel(memberPath: string): string {
  const index = /\[(\d+)\]$/.exec(memberPath);
  if (index) return `Line ${Number(index[1]) + 1}: `;
  const key = /^[^.]+\.(.*)\(key\)$/.exec(memberPath);
  return key ? `Key "${key[1]}": ` : "";
}

/** Model problems (or a server's ValidationException fields) as form field errors. */
export function toFieldErrors(problems: ValidationField[], fieldFor: FieldFor): FieldError[] {
  const out: FieldError[] = [];
  for (const p of problems) {
    const name = fieldFor(p.name);
    if (!name) continue;
    out.push({ name, message: itemLabel(p.name) + fieldMessage(p.message) });
  }
  return out;
}

/**
 * A zod superRefine that builds the operation's input from the form values and reports every
 * model constraint it breaks on the field it came from.
 */
export function modelRefinement<T>(
  service: ServiceId,
  shapeName: string,
  build: (values: T) => unknown,
  fieldFor: FieldFor,
): (values: T, ctx: z.RefinementCtx<T>) => void {
  return (values, ctx) => {
    for (const f of toFieldErrors(shapeProblems(service, shapeName, build(values)), fieldFor)) {
      ctx.addIssue({ code: "custom", path: [f.name], message: f.message });
    }
  };
}

/** "" → undefined: an empty optional field is not sent (and an empty required one is "Required."). */
export function optional(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/** "3" → 3; "" → undefined. */
export function optionalInt(value: string | undefined): number | undefined {
  const v = value?.trim();
  return v ? Number(v) : undefined;
}
