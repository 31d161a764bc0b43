// Settings → Tags: the tags of any Incident Manager resource, in either service. The rows are
// checked against the model of the service that owns the ARN (ssm-incidents' TagMap, or
// ssm-contacts' TagsList, whose keys and values follow other patterns), each problem on its row.
import { z } from "zod";
import type { ServiceId } from "@/lib/im/model";
import { NOT_AN_IM_ARN, serviceOfArn } from "@/lib/im/model/service-of-arn";
import { modelRefinement, type FieldFor } from "../core/model-rules";
import { checkTagKeys, tagRow, toTagMap } from "../tags/schemas";

const arnField = z.string().trim().min(1, "Enter an ARN.").max(2048).refine((arn) => serviceOfArn(arn) !== undefined, NOT_AN_IM_ARN);

const fields = {
  arn: arnField,
  tags: z.array(tagRow),
  /** The keys the editor was opened with: those no longer among the rows are untagged. */
  loadedKeys: z.array(z.string()),
};
export type ResourceTagsFormValues = z.input<z.ZodObject<typeof fields>>;

/** The TagResource input for the rows, in the owning service's shape. */
function toTagResourceInput(service: ServiceId, v: ResourceTagsFormValues): unknown {
  if (service === "ssm-incidents") return { resourceArn: v.arn.trim(), tags: toTagMap(v.tags) };
  return { ResourceARN: v.arn.trim(), Tags: v.tags.map((t) => ({ Key: t.key.trim(), Value: t.value.trim() })) };
}

/** A model member path → the row field it belongs to (`tags.env(key)`, `Tags[2].Value`, ...). */
function rowFieldFor(v: ResourceTagsFormValues): FieldFor {
  const rowOf = (key: string) => v.tags.findIndex((t) => t.key.trim() === key);
  return (path) => {
    const listed = /^Tags\[(\d+)\]\.(Key|Value)$/.exec(path);
    if (listed) return `tags.${listed[1]}.${listed[2].toLowerCase()}`;
    const mapped = /^tags\.(.*?)(\(key\))?$/.exec(path);
    if (mapped) {
      const i = rowOf(mapped[1]);
      return i < 0 ? "tags" : `tags.${i}.${mapped[2] ? "key" : "value"}`;
    }
    if (path === "tags" || path === "Tags") return "tags";
    return path === "resourceArn" || path === "ResourceARN" ? "arn" : undefined;
  };
}

export const resourceTagsFormSchema = z
  .object(fields)
  .superRefine(checkTagKeys)
  .superRefine((v, ctx) => {
    const service = serviceOfArn(v.arn);
    // Nothing to set: only UntagResource runs, with keys the resource already had.
    if (!service || v.tags.length === 0) return;
    modelRefinement(service, "TagResourceRequest", (x: ResourceTagsFormValues) => toTagResourceInput(service, x), rowFieldFor(v))(v, ctx);
  });

/** Every field a server refusal may name, for useActionForm. */
export function resourceTagsFieldNames(v: ResourceTagsFormValues): string[] {
  return ["arn", "tags", ...v.tags.flatMap((_, i) => [`tags.${i}.key`, `tags.${i}.value`])];
}
