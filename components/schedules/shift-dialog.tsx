"use client";
// A shift's details, and for those who may write, "Cover this shift": who (a personal contact, or
// nobody), the whole shift or part of it (to the minute, in the viewer's zone). Before saving it
// says whether the override leaves a coverage gap or overlaps another override, from the shifts
// and overrides the calendar has loaded (overrides-warnings.ts).
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useContactOptions } from "@/components/contacts/use-contact-options";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { ActionDialog } from "@/components/ui/action-dialog";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/dialog";
import { FormField, Input, Select, fieldAria } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { createOverrideAction } from "@/lib/console/schedules/actions";
import { isoToWallClock, wallClockToIso } from "@/lib/console/schedules/calendar";
import type { RotationView, ScheduleCalendarData, ShiftView } from "@/lib/console/schedules/dto";
import { scheduleKeys } from "@/lib/console/schedules/keys";
import { overrideWarnings } from "@/lib/console/schedules/overrides-warnings";
import { PersonChip } from "./on-call-summary";
import { clockTime, dayLabel, dayTime } from "./time-format";

type Props = {
  alias: string;
  shift: ShiftView;
  rotation: RotationView | undefined;
  data: ScheduleCalendarData;
  canWrite: boolean;
  zone: string;
  onClose: () => void;
};

export function ShiftDialog(props: Props) {
  const [covering, setCovering] = useState(false);
  if (covering) return <CoverShiftDialog {...props} />;
  const { shift, rotation, data, canWrite, zone, onClose } = props;
  const rotationZone = rotation?.timeZoneId ?? zone;
  const override = shift.type === "OVERRIDDEN" ? data.overrides.find((o) => o.rotationArn === shift.rotationArn && Date.parse(o.start) <= Date.parse(shift.start) && Date.parse(shift.end) <= Date.parse(o.end)) : undefined;
  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Shift of ${shift.people.map((p) => p.name).join(", ") || "nobody"}`}
      footer={
        <>
          <Button variant="link" onClick={onClose}>
            Close
          </Button>
          {canWrite ? (
            <Button variant="primary" onClick={() => setCovering(true)}>
              Cover this shift
            </Button>
          ) : null}
        </>
      }
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="text-muted">Rotation</dt>
        <dd>{rotation?.name ?? "A rotation"}</dd>
        <dt className="text-muted">On call</dt>
        <dd className="flex flex-wrap gap-x-3">{shift.people.length ? shift.people.map((p) => <PersonChip key={p.arn} person={p} />) : <span className="font-bold text-error">Nobody (coverage gap)</span>}</dd>
        <dt className="text-muted">Your time</dt>
        <dd>
          {dayTime(shift.start, zone)} – {dayTime(shift.end, zone)}
        </dd>
        {rotationZone !== zone ? (
          <>
            <dt className="text-muted">{rotationZone}</dt>
            <dd>
              {dayTime(shift.start, rotationZone)} – {dayTime(shift.end, rotationZone)}
            </dd>
          </>
        ) : null}
        {shift.type === "OVERRIDDEN" ? (
          <>
            <dt className="text-muted">Override</dt>
            <dd>
              ⇄ Covers for {shift.replaced.map((p) => p.name).join(", ") || "nobody"}
              {override ? <>; made by {override.createdBy ?? "someone outside this console"}</> : null}
            </dd>
          </>
        ) : null}
      </dl>
    </Modal>
  );
}

function CoverShiftDialog({ alias, shift, rotation, data, zone, onClose }: Props) {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useContactOptions(true);
  const people = (options.data ?? []).filter((c) => c.type === "PERSONAL");
  const [person, setPerson] = useState("");
  const [part, setPart] = useState<"whole" | "part">("whole");
  const [fromText, setFromText] = useState(() => isoToWallClock(shift.start, zone));
  const [toText, setToText] = useState(() => isoToWallClock(shift.end, zone));
  const [requestId] = useState(() => crypto.randomUUID());
  const { error, pending, run, fieldError } = useAction();

  const start = part === "whole" ? shift.start : wallClockToIso(fromText, zone);
  const end = part === "whole" ? shift.end : wallClockToIso(toText, zone);
  const badTimes = !start || !end ? "Enter both times." : Date.parse(end) <= Date.parse(start) ? "The end must be after the start." : undefined;
  const warnings = badTimes ? [] : overrideWarnings({ rotationArn: shift.rotationArn, people: person ? [person] : [], start: Date.parse(start!), end: Date.parse(end!) }, data.shifts, data.overrides);
  const formId = `${id}-form`;

  const submit = () => {
    if (badTimes) return;
    run(
      () => createOverrideAction({ alias, rotationArn: shift.rotationArn, people: person ? [person] : [], start: new Date(start!).toISOString(), end: new Date(end!).toISOString(), requestId }),
      async () => {
        await queryClient.invalidateQueries({ queryKey: scheduleKeys.detail(alias) });
        router.refresh();
        onClose();
      },
    );
  };

  return (
    <ActionDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Cover this shift"
      description={`${rotation?.name ?? "Rotation"}: ${shift.people.map((p) => p.name).join(", ") || "nobody"}, ${dayTime(shift.start, zone)} – ${dayTime(shift.end, zone)}`}
      submitLabel="Save override"
      pendingLabel="Saving…"
      pending={pending}
      disabled={!!badTimes}
      form={formId}
    >
      <form
        id={formId}
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {error && !error.fields?.length ? <ErrorAlert error={error} /> : null}
        <FormField id={`${id}-who`} label="Who covers" description="A personal contact; nobody leaves the time uncovered." error={fieldError("people")}>
          <Select {...fieldAria(`${id}-who`, { error: fieldError("people"), description: true })} value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">{options.isLoading ? "Loading contacts…" : "Nobody (leave uncovered)"}</option>
            {people.map((c) => (
              <option key={c.arn} value={c.arn}>
                {c.displayName ? `${c.displayName} (${c.alias})` : c.alias}
              </option>
            ))}
          </Select>
        </FormField>
        <fieldset className="space-y-1">
          <legend className="font-bold">How much of it</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-part`} checked={part === "whole"} onChange={() => setPart("whole")} />
            The whole shift
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-part`} checked={part === "part"} onChange={() => setPart("part")} />
            Part of it
          </label>
        </fieldset>
        {part === "part" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField id={`${id}-from`} label="From" description={`Your time, ${zone}`} error={fieldError("start")}>
              <Input type="datetime-local" step={60} {...fieldAria(`${id}-from`, { error: fieldError("start"), description: true })} value={fromText} onChange={(e) => setFromText(e.target.value)} />
            </FormField>
            <FormField id={`${id}-to`} label="To" description={`Your time, ${zone}`} error={fieldError("end") ?? badTimes}>
              <Input type="datetime-local" step={60} {...fieldAria(`${id}-to`, { error: fieldError("end") ?? badTimes, description: true })} value={toText} onChange={(e) => setToText(e.target.value)} />
            </FormField>
          </div>
        ) : null}
        {warnings.map((w) =>
          w.kind === "gap" ? (
            <Alert key="gap" type="warning" header="This leaves a coverage gap">
              Nobody will be on call{" "}
              {w.gaps.map((g, i) => (
                <span key={g.start}>
                  {i ? ", " : ""}
                  {dayLabel(g.start, zone)} {clockTime(g.start, zone)} – {dayLabel(g.end, zone)} {clockTime(g.end, zone)}
                </span>
              ))}
              . A page to this schedule then reaches no one.
            </Alert>
          ) : (
            <Alert key="overlap" type="warning" header="This overlaps another override">
              It replaces, where they overlap:{" "}
              {w.overrides.map((o, i) => (
                <span key={o.id}>
                  {i ? "; " : ""}
                  {o.people.map((p) => p.name).join(", ") || "nobody"} {dayTime(o.start, zone)} – {dayTime(o.end, zone)}
                </span>
              ))}
              .
            </Alert>
          ),
        )}
      </form>
    </ActionDialog>
  );
}
