"use client";
// The overrides in the calendar's range: who covers, when (the viewer's zone), who made each
// (recorded by the console; ssm-contacts keeps no author), and Delete for those who may write.
import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { deleteOverrideAction } from "@/lib/console/schedules/actions";
import type { OverrideWithAuthor } from "@/lib/console/schedules/dto";
import { scheduleKeys } from "@/lib/console/schedules/keys";
import { dayTime } from "./time-format";

// The confirmation loads when Delete is pressed, not with the page.
const ConfirmDialog = dynamic(() => import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog));

type Props = { alias: string; overrides: OverrideWithAuthor[]; rotationName: (arn: string) => string; canWrite: boolean; zone: string };

export function OverridesList({ alias, overrides, rotationName, canWrite, zone }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<OverrideWithAuthor | null>(null);
  const sorted = [...overrides].sort((a, b) => a.start.localeCompare(b.start));
  const who = (o: OverrideWithAuthor) => o.people.map((p) => p.name).join(", ") || "Nobody";
  return (
    <section aria-labelledby="overrides-heading" className="space-y-2">
      <h2 id="overrides-heading" className="text-lg font-bold">
        Overrides in view ({overrides.length})
      </h2>
      {sorted.length === 0 ? (
        <p className="text-muted">No overrides in this range: everyone is on call as their rotation says. {canWrite ? "Choose a shift to cover it." : null}</p>
      ) : (
        <ul aria-label="Overrides" className="divide-y divide-line rounded-2xl border border-line bg-white">
          {sorted.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <div>
                <p>
                  <span className="font-bold">⇄ {who(o)}</span> covers {rotationName(o.rotationArn)}, {dayTime(o.start, zone)} – {dayTime(o.end, zone)}
                </p>
                <p className="text-sm text-muted">Made by {o.createdBy ?? "someone outside this console"}</p>
              </div>
              {canWrite ? (
                <Button variant="link" aria-label={`Delete the override of ${who(o)} from ${dayTime(o.start, zone)}`} onClick={() => setDeleting(o)}>
                  Delete
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {deleting ? (
        <ConfirmDialog
          title="Delete this override?"
          confirmLabel="Delete override"
          pendingLabel="Deleting…"
          action={() => deleteOverrideAction({ alias, rotationArn: deleting.rotationArn, overrideId: deleting.id })}
          onDone={async () => {
            await queryClient.invalidateQueries({ queryKey: scheduleKeys.detail(alias) });
            router.refresh();
          }}
          onClose={() => setDeleting(null)}
        >
          <p>
            {who(deleting)} stops covering {rotationName(deleting.rotationArn)} {dayTime(deleting.start, zone)} – {dayTime(deleting.end, zone)}; the rotation&apos;s own shifts apply again.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
