"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { TypedConfirmDelete } from "@/components/ui/typed-confirm-delete";
import { deleteResponsePlanAction } from "@/lib/console/response-plans/actions";
import { responsePlanKeys } from "@/lib/console/response-plans/keys";

/** DeleteResponsePlan, after the plan's name is typed (as the AWS console asks); then the list. */
export function DeleteResponsePlanDialog({ arn, name }: { arn: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return (
    <TypedConfirmDelete
      title="Delete response plan"
      confirmText={name}
      remove={() => deleteResponsePlanAction({ arn })}
      onDeleted={async () => {
        await queryClient.invalidateQueries({ queryKey: responsePlanKeys.all });
        router.push("/response-plans");
        router.refresh();
      }}
    >
      Permanently delete <span className="font-bold">{name}</span>? Incidents it started stay; new incidents can&apos;t start from it. This
      cannot be undone.
    </TypedConfirmDelete>
  );
}
