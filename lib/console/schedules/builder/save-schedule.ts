// Saving a schedule is several ssm-contacts calls: CreateRotation / UpdateRotation for each of the
// form's rotations, then CreateContact / UpdateContact with Plan.RotationIds, then DeleteRotation
// for the rotations the edit removed. Rotations go first because the contact must name existing
// rotations. A save that fails after creating rotations deletes them again, so no orphan rotation
// is left behind silently, and its error says what it undid.
import "server-only";
import { createHash } from "node:crypto";
import { REQUEST_ID_PATTERN } from "@/lib/console/core/request-id";
import type { ContactsService } from "@/lib/im";
import { ImError, isImError, validation } from "@/lib/im/errors";
import { rotationField, toCreateRotationInput, toCreateScheduleInput, toSchedulePlan, type RotationFormValues, type ScheduleFormValues } from "./schemas";

export type SavedSchedule = {
  arn: string;
  alias: string;
  /** What the save could not finish after the schedule itself was saved, in words. */
  warnings: string[];
};

/** Runs a call for rotation `i` of the form; a ValidationException's member paths come back as that rotation's form fields. */
async function onRotation<T>(i: number, r: RotationFormValues, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (isImError(e) && (e.code === "ValidationException" || e.code === "ConflictException")) {
      // A ConflictException here is a rotation name taken by another rotation: on the rotation's
      // name, not on the schedule's alias.
      const fields = e.code === "ValidationException" && e.details.fields?.length ? e.details.fields : [{ name: "Name", message: e.message }];
      const onForm = fields.map((f) => ({ ...f, name: `rotations.${i}.${rotationField(r, f.name) ?? "name"}` }));
      throw new ImError("ValidationException", e.message, { reason: "FIELD_VALIDATION_FAILED", fields: onForm });
    }
    throw e;
  }
}

/**
 * The IdempotencyToken of rotation `i` in one submission: a repeated request of the same submission
 * (a retry after a lost answer) gets the rotation it created, never a second one.
 */
export function rotationToken(submissionId: string, i: number, name: string): string {
  return submissionToken(submissionId, `rotation\u0000${i}\u0000${name}`);
}

function submissionToken(submissionId: string, what: string): string {
  return createHash("sha256").update(`${submissionId}\u0000${what}`).digest("hex").slice(0, 40);
}

/** The same error with a sentence added about what the save undid (or could not). */
function withNote(e: unknown, note: string): unknown {
  if (!isImError(e)) return e;
  const add = (message: string) => `${message.replace(/\.$/, "")}. ${note}`;
  return new ImError(e.code, add(e.message), { ...e.details, fields: e.details.fields?.map((f) => ({ ...f, message: add(f.message) })) });
}

export async function saveSchedule(contacts: ContactsService, v: ScheduleFormValues): Promise<SavedSchedule> {
  if (!REQUEST_ID_PATTERN.test(v.submissionId)) throw validation("The save has no submission id: reload the page and save again");
  const editing = !!v.arn;
  let before: string[] = [];
  let alias = v.alias.trim();
  if (editing) {
    const existing = await contacts.getContact({ ContactId: v.arn });
    if (existing.Type !== "ONCALL_SCHEDULE") throw validation(`${existing.Alias} is a ${existing.Type} contact, not an on-call schedule`);
    before = existing.Plan?.RotationIds ?? [];
    alias = existing.Alias!;
  }
  // An edit updates only this schedule's own rotations; a new schedule's are all new.
  v.rotations.forEach((r, i) => {
    if (r.arn && !before.includes(r.arn)) throw validation(`Rotation ${i + 1} is not one of this schedule's rotations`, [{ name: `rotations.${i}.name`, message: "Not one of this schedule's rotations: add it as a new rotation." }]);
  });
  const created: { arn: string; name: string }[] = [];
  let scheduleArn = v.arn;
  try {
    const arns: string[] = [];
    for (const [i, r] of v.rotations.entries()) {
      if (r.arn) {
        const { Name: _name, IdempotencyToken: _token, ...update } = toCreateRotationInput(r);
        await onRotation(i, r, () => contacts.updateRotation({ RotationId: r.arn, ...update }));
        arns.push(r.arn);
      } else {
        const out = await onRotation(i, r, () => contacts.createRotation(toCreateRotationInput(r, rotationToken(v.submissionId, i, r.name.trim()))));
        created.push({ arn: out.RotationArn!, name: r.name.trim() });
        arns.push(out.RotationArn!);
      }
    }
    if (editing) await contacts.updateContact({ ContactId: v.arn, DisplayName: v.displayName.trim(), Plan: toSchedulePlan(arns) });
    // Its token too: a repeated request of a save that went through gets the schedule back, not a
    // refusal of its alias (whose undo would delete the rotations the schedule uses).
    else scheduleArn = (await contacts.createContact({ ...toCreateScheduleInput(v, arns), IdempotencyToken: submissionToken(v.submissionId, "contact") })).ContactArn!;
  } catch (e) {
    throw withNote(e, await undo(contacts, created));
  }
  // Rotations the edit removed, deleted once the schedule no longer names them.
  const warnings: string[] = [];
  const kept = new Set(v.rotations.map((r) => r.arn).filter(Boolean));
  for (const arn of before.filter((a) => !kept.has(a))) {
    try {
      await contacts.deleteRotation({ RotationId: arn });
    } catch (e) {
      warnings.push(`The removed rotation ${arn.split("/").pop()} could not be deleted (${isImError(e) ? e.message : "unexpected failure"}); it is no longer part of this schedule.`);
    }
  }
  return { arn: scheduleArn, alias, warnings };
}

/** Deletes the rotations a failed save created; says what happened to them. */
async function undo(contacts: ContactsService, created: { arn: string; name: string }[]): Promise<string> {
  if (created.length === 0) return "Nothing was saved.";
  const left: string[] = [];
  for (const r of created) {
    try {
      await contacts.deleteRotation({ RotationId: r.arn });
    } catch {
      left.push(r.name);
    }
  }
  const names = created.map((r) => r.name).join(", ");
  if (left.length === 0) return `The rotation${created.length > 1 ? "s" : ""} this save had created (${names}) ${created.length > 1 ? "were" : "was"} deleted again; nothing was saved.`;
  return `The save created the rotation(s) ${names}; ${left.join(", ")} could not be deleted again and exist${left.length > 1 ? "" : "s"} without a schedule.`;
}
