"use client";
// One rotation of the schedule builder: name, members, time zone, start, recurrence (daily /
// weekly / monthly hand-offs, multiplier, people on call at once) and coverage windows, with its
// live preview beside it.
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import type { ContactRow } from "@/lib/console/contacts/dto";
import { newRotation, WEEKDAY_NAMES, WEEKDAYS, type RecurrenceKind, type RotationFormValues, type ScheduleFormValues } from "@/lib/console/schedules/builder/schemas";
import { MemberList } from "./member-list";
import { RotationPreview } from "./rotation-preview";

type Form = UseFormReturn<ScheduleFormValues>;

const KIND_LABELS: Record<RecurrenceKind, { label: string; unit: string }> = {
  daily: { label: "Daily", unit: "days" },
  weekly: { label: "Weekly", unit: "weeks" },
  monthly: { label: "Monthly", unit: "months" },
};

/** Names of a rotation's fields as people read them (for the preview's messages). */
export function rotationFieldLabel(field: string): string {
  const [head, index] = field.replace(/^recurrence\./, "").split(".");
  const labels: Record<string, string> = {
    name: "Name",
    members: "Members",
    timeZoneId: "Time zone",
    startTime: "Start time",
    kind: "Recurrence",
    onCalls: "People on call at once",
    multiplier: "Shift length",
    daily: "Daily hand-off",
    weekly: "Weekly hand-off",
    monthly: "Monthly hand-off",
    coverage: "Coverage window",
  };
  const label = labels[head] ?? head;
  return index !== undefined && /^\d+$/.test(index) ? `${label} ${Number(index) + 1}` : label;
}

export function RotationFields({ form, index, contacts, timeZones, onRemove }: { form: Form; index: number; contacts: ContactRow[]; timeZones: string[]; onRemove?: () => void }) {
  const base = `rotations.${index}` as const;
  const id = `rotation-${index}`;
  const rotation = useWatch({ control: form.control, name: base }) as RotationFormValues;
  const kind = rotation.recurrence.kind;
  const err = (path: string) => form.getFieldState(`${base}.${path}` as `rotations.0.name`, form.formState).error?.message;
  const title = rotation.name.trim() || `Rotation ${index + 1}`;
  const daily = useFieldArray({ control: form.control, name: `${base}.recurrence.daily` });
  const weekly = useFieldArray({ control: form.control, name: `${base}.recurrence.weekly` });
  const monthly = useFieldArray({ control: form.control, name: `${base}.recurrence.monthly` });
  const coverage = useFieldArray({ control: form.control, name: `${base}.coverage` });
  const handOffs = { daily, weekly, monthly }[kind];
  const defaults = newRotation("UTC", "1970-01-01").recurrence;

  return (
    <Container
      header={`Rotation ${index + 1}${rotation.name.trim() ? `: ${rotation.name.trim()}` : ""}`}
      actions={
        onRemove ? (
          <Button onClick={onRemove} aria-label={`Remove rotation ${title}`}>
            Remove rotation
          </Button>
        ) : undefined
      }
    >
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          <FormField id={`${id}-name`} label="Rotation name" description={rotation.arn ? "A rotation's name can't be changed." : undefined} error={err("name")}>
            <Input readOnly={!!rotation.arn} {...fieldAria(`${id}-name`, { error: err("name"), description: !!rotation.arn })} {...form.register(`${base}.name`)} />
          </FormField>
          <MemberList
            id={`${id}-members`}
            label={`Members of ${title}`}
            members={rotation.members}
            contacts={contacts}
            error={err("members")}
            onChange={(members) => form.setValue(`${base}.members`, members, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <FormField id={`${id}-zone`} label="Time zone" description="Type to search the IANA zones." error={err("timeZoneId")}>
              <Input list={`${id}-zones`} autoComplete="off" {...fieldAria(`${id}-zone`, { error: err("timeZoneId"), description: true })} {...form.register(`${base}.timeZoneId`)} />
              <datalist id={`${id}-zones`}>
                {timeZones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </FormField>
            <FormField id={`${id}-start`} label="Start time" description="In the rotation's time zone." error={err("startTime")}>
              <Input type="datetime-local" {...fieldAria(`${id}-start`, { error: err("startTime"), description: true })} {...form.register(`${base}.startTime`)} />
            </FormField>
          </div>
          <fieldset className="space-y-3">
            <legend className="font-bold">Recurrence</legend>
            <div role="radiogroup" aria-label={`Recurrence of ${title}`} className="flex flex-wrap gap-4">
              {(Object.keys(KIND_LABELS) as RecurrenceKind[]).map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input type="radio" value={k} className="accent-link" {...form.register(`${base}.recurrence.kind`)} />
                  {KIND_LABELS[k].label}
                </label>
              ))}
            </div>
            {err("recurrence.kind") ? <p className="text-error">⚠ {err("recurrence.kind")}</p> : null}
            <ul aria-label={`Hand-offs of ${title}`} className="space-y-2">
              {handOffs.fields.map((f, j) => {
                const at = `recurrence.${kind}.${j}`;
                const hid = `${id}-${kind}-${j}`;
                return (
                  <li key={f.id} className="flex flex-wrap items-end gap-2">
                    {kind === "weekly" ? (
                      <FormField id={`${hid}-day`} label={`Day ${j + 1}`} error={err(`${at}.day`)}>
                        <Select {...fieldAria(`${hid}-day`, { error: err(`${at}.day`) })} {...form.register(`${base}.recurrence.weekly.${j}.day`)}>
                          {WEEKDAYS.map((d) => (
                            <option key={d} value={d}>
                              {WEEKDAY_NAMES[d]}
                            </option>
                          ))}
                        </Select>
                      </FormField>
                    ) : null}
                    {kind === "monthly" ? (
                      <FormField id={`${hid}-day`} label={`Day of month ${j + 1}`} error={err(`${at}.day`)}>
                        <Input type="number" min={1} max={31} className="w-24" {...fieldAria(`${hid}-day`, { error: err(`${at}.day`) })} {...form.register(`${base}.recurrence.monthly.${j}.day`)} />
                      </FormField>
                    ) : null}
                    <FormField id={`${hid}-time`} label={`Hand-off time ${j + 1}`} error={err(`${at}.time`)}>
                      <Input type="time" className="w-36" {...fieldAria(`${hid}-time`, { error: err(`${at}.time`) })} {...form.register(`${base}.recurrence.${kind}.${j}.time` as `rotations.0.recurrence.daily.0.time`)} />
                    </FormField>
                    {handOffs.fields.length > 1 ? (
                      <Button variant="link" onClick={() => handOffs.remove(j)} aria-label={`Remove hand-off ${j + 1}`}>
                        Remove
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {err(`recurrence.${kind}`) ? <p className="text-error">⚠ {err(`recurrence.${kind}`)}</p> : null}
            <Button onClick={() => (handOffs as typeof daily).append((defaults[kind][0] as never) ?? { time: "09:00" })}>Add hand-off</Button>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormField id={`${id}-multiplier`} label="Shift length" description={`How many ${KIND_LABELS[kind].unit} of hand-offs one shift spans.`} error={err("recurrence.multiplier")}>
                <Input type="number" min={1} className="w-28" {...fieldAria(`${id}-multiplier`, { error: err("recurrence.multiplier"), description: true })} {...form.register(`${base}.recurrence.multiplier`)} />
              </FormField>
              <FormField id={`${id}-oncalls`} label="People on call at once" error={err("recurrence.onCalls")}>
                <Input type="number" min={1} className="w-28" {...fieldAria(`${id}-oncalls`, { error: err("recurrence.onCalls") })} {...form.register(`${base}.recurrence.onCalls`)} />
              </FormField>
            </div>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="font-bold">
              Coverage windows <span className="font-normal text-muted italic">- optional</span>
            </legend>
            <p className="text-muted">On call only inside these windows; with none, on call round the clock. An end of 00:00 is midnight at the end of the day.</p>
            <ul aria-label={`Coverage windows of ${title}`} className="space-y-2">
              {coverage.fields.map((f, j) => {
                const cid = `${id}-coverage-${j}`;
                return (
                  <li key={f.id} className="flex flex-wrap items-end gap-2">
                    <FormField id={`${cid}-day`} label={`Window ${j + 1} day`}>
                      <Select {...form.register(`${base}.coverage.${j}.day`)} id={`${cid}-day`}>
                        {WEEKDAYS.map((d) => (
                          <option key={d} value={d}>
                            {WEEKDAY_NAMES[d]}
                          </option>
                        ))}
                      </Select>
                    </FormField>
                    <FormField id={`${cid}-start`} label="From" error={err(`coverage.${j}.start`)}>
                      <Input type="time" className="w-32" {...fieldAria(`${cid}-start`, { error: err(`coverage.${j}.start`) })} {...form.register(`${base}.coverage.${j}.start`)} />
                    </FormField>
                    <FormField id={`${cid}-end`} label="To" error={err(`coverage.${j}.end`)}>
                      <Input type="time" className="w-32" {...fieldAria(`${cid}-end`, { error: err(`coverage.${j}.end`) })} {...form.register(`${base}.coverage.${j}.end`)} />
                    </FormField>
                    <Button variant="link" onClick={() => coverage.remove(j)} aria-label={`Remove coverage window ${j + 1}`}>
                      Remove
                    </Button>
                  </li>
                );
              })}
            </ul>
            {err("coverage") ? <p className="text-error">⚠ {err("coverage")}</p> : null}
            <Button onClick={() => coverage.append({ day: "MON", start: "09:00", end: "17:00" })}>Add coverage window</Button>
          </fieldset>
        </div>
        <RotationPreview rotation={rotation} label={`Preview of ${title}`} fieldLabel={rotationFieldLabel} />
      </div>
    </Container>
  );
}
