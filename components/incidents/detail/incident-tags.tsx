"use client";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { deferred, standInButton } from "@/components/ui/deferred";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { errorOf, readJson } from "@/lib/console/core/errors";
import type { Tag } from "@/lib/console/tags/dto";

const EditTagsDialog = deferred(
  () => import("./edit-tags-dialog").then((m) => m.EditTagsDialog),
  standInButton("Edit tags", buttonClass("normal")),
);

function useIncidentTags(arn: string) {
  return useQuery({
    queryKey: incidentKeys.tags(arn),
    queryFn: () => readJson<Tag[]>(`/api/incidents/tags?arn=${encodeURIComponent(arn)}`),
  });
}

/** The Properties tab's tags: a table, and for writers an editor (TagResource / UntagResource). */
export function IncidentTags({ arn, canWrite }: { arn: string; canWrite: boolean }) {
  const tags = useIncidentTags(arn);
  return (
    <Container header="Tags" actions={canWrite && tags.data ? <EditTagsDialog arn={arn} tags={tags.data} /> : null} flush>
      {tags.isPending ? (
        <p role="status" className="px-5 pb-5 text-muted">
          Loading tags…
        </p>
      ) : tags.isError ? (
        <div className="px-5 pb-5">
          <ErrorAlert error={errorOf(tags.error)} />
        </div>
      ) : tags.data.length === 0 ? (
        <p className="px-5 pb-5 text-muted">No tags.</p>
      ) : (
        <div className="scroll-cue">
          <table aria-label="Tags" className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-line-strong">
                <th scope="col" className="px-5 py-2 text-muted">
                  Key
                </th>
                <th scope="col" className="px-5 py-2 text-muted">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {tags.data.map((t) => (
                <tr key={t.key} className="border-b border-line last:border-b-0">
                  <td className="px-5 py-2.5 break-all">{t.key}</td>
                  <td className="px-5 py-2.5 break-all">{t.value || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}
