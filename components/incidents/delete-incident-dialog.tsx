"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { TypedConfirmDelete } from "@/components/ui/typed-confirm-delete";
import { deleteIncidentAction } from "@/lib/console/incidents/actions";
import type { IncidentDetail } from "@/lib/console/incidents/dto";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { timelineKeys } from "@/lib/console/timeline/keys";

/**
 * DeleteIncidentRecord cannot be undone (the timeline and related items go with it), so the
 * responder types a word to confirm, as Cloudscape asks for destructive actions; then the list.
 */
export function DeleteIncidentDialog({
  incident,
  open,
  onOpenChange,
}: {
  incident: IncidentDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return (
    <TypedConfirmDelete
      title="Delete incident"
      confirmText="delete"
      open={open}
      onOpenChange={onOpenChange}
      remove={() => deleteIncidentAction({ arn: incident.arn })}
      onDeleted={async () => {
        queryClient.removeQueries({ queryKey: timelineKeys.incident(incident.arn) });
        await queryClient.invalidateQueries({ queryKey: incidentKeys.lists() });
        router.push("/incidents");
      }}
    >
      <p>
        Permanently delete <span className="font-bold">{incident.title}</span>? Its timeline, related items and tags are deleted with it.
        This cannot be undone.
      </p>
    </TypedConfirmDelete>
  );
}
