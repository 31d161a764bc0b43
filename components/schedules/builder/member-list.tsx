"use client";
// A rotation's members in order (the order is the rotation's order of turns): add from the
// personal contacts, remove, and reorder by drag or by keyboard (the handle: Space picks up,
// arrow keys move, Space drops, Escape cancels), announced to screen readers as it happens.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form-field";
import type { ContactRow } from "@/lib/console/contacts/dto";
import { aliasFromContactArn } from "@/lib/console/contacts/paths";

export function personName(contacts: ContactRow[], arn: string): string {
  const c = contacts.find((x) => x.arn === arn);
  return c?.displayName || c?.alias || aliasFromContactArn(arn);
}

export function MemberList({
  id,
  label,
  members,
  contacts,
  onChange,
  error,
}: {
  id: string;
  label: string;
  members: string[];
  contacts: ContactRow[];
  onChange: (members: string[]) => void;
  error?: string;
}) {
  const dndId = useId();
  const [choice, setChoice] = useState("");
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const name = (arn: unknown) => personName(contacts, String(arn));
  const position = (arn: unknown) => `position ${members.indexOf(String(arn)) + 1} of ${members.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, ${position(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over ${position(over.id)}.` : `${name(active.id)} is outside the list.`),
    onDragEnd: ({ active, over }) => (over ? `${name(active.id)} dropped at ${position(over.id)}.` : `${name(active.id)} dropped where it was.`),
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled; it stays at ${position(active.id)}.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(arrayMove(members, members.indexOf(String(active.id)), members.indexOf(String(over.id))));
  };
  const available = contacts.filter((c) => !members.includes(c.arn));

  return (
    <div className="space-y-2">
      <p id={`${id}-label`} className="font-bold">
        Members
      </p>
      <p id={`${id}-description`} className="text-muted">
        Turns follow this order. Drag a handle, or focus it and press Space, the arrow keys, then Space.
      </p>
      {members.length ? (
        <DndContext id={dndId} sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
          <SortableContext items={members} strategy={verticalListSortingStrategy}>
            <ol aria-label={label} className="space-y-1.5">
              {members.map((arn, i) => (
                <Member key={arn} arn={arn} index={i} name={name(arn)} onRemove={() => onChange(members.filter((m) => m !== arn))} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      ) : (
        <p className="text-muted">No members yet: add the people who take turns.</p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-add`} className="sr-only">
            Person to add
          </label>
          <Select id={`${id}-add`} value={choice} onChange={(e) => setChoice(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
            <option value="">{available.length ? "Choose a person" : contacts.length ? "Everyone is a member" : "Create a personal contact first"}</option>
            {available.map((c) => (
              <option key={c.arn} value={c.arn}>
                {c.displayName ? `${c.displayName} (${c.alias})` : c.alias}
              </option>
            ))}
          </Select>
        </div>
        <Button
          disabled={!choice}
          onClick={() => {
            onChange([...members, choice]);
            setChoice("");
          }}
        >
          Add member
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="flex gap-1.5 text-error">
          <span aria-hidden>⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

function Member({ arn, index, name, onRemove }: { arn: string; index: number; name: string; onRemove: () => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: arn });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-center gap-2 rounded-lg border border-[#c6c6cd] bg-white px-2 py-1 ${isDragging ? "relative z-10 shadow-md" : ""}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Move ${name}`}
        className="cursor-grab touch-none rounded px-1.5 text-lg leading-none text-muted hover:bg-info-bg focus:outline-2 focus:outline-link"
      >
        <span aria-hidden>⠿</span>
      </button>
      <span className="w-6 text-right text-muted tabular-nums">{index + 1}.</span>
      <span className="min-w-0 flex-1 truncate">{name}</span>
      <Button variant="link" onClick={onRemove} aria-label={`Remove ${name}`}>
        Remove
      </Button>
    </li>
  );
}
