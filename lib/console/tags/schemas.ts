// The tag editor's rows and the TagResource input they make, checked against the service model
// (TagKey/TagValue length and pattern, at most 50 tags). Shared by the dialog and the action.
import { z } from "zod";
import { modelRefinement, type FieldFor } from "@/lib/console/core/model-rules";

export const tagRow = z.object({ key: z.string(), value: z.string() });
const fields = { arn: z.string().min(1), tags: z.array(tagRow) };
export type TagsFormValues = z.input<z.ZodObject<typeof fields>>;

export function toTagMap(rows: { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.key.trim(), r.value.trim()]));
}

/** Every TagResource member path (`tags`, `tags.env(key)`, `tags.env`) belongs to the one editor. */
export const tagsFieldFor: FieldFor = (path) => (path.startsWith("tags") ? "tags" : undefined);

/** Every row needs a key, and a key appears once (both tagging APIs take a key once). */
export function checkTagKeys(v: { tags: { key: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  v.tags.forEach((row, i) => {
    const key = row.key.trim();
    if (!key) ctx.addIssue({ code: "custom", path: ["tags", i, "key"], message: "Required." });
    else if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["tags", i, "key"], message: `The key "${key}" is used twice.` });
    seen.add(key);
  });
}

export const tagsFormSchema = z
  .object(fields)
  .superRefine(checkTagKeys)
  // TagMap has min 1: the model only sees a map when there is something to set.
  .superRefine((v, ctx) => {
    if (v.tags.length === 0) return;
    modelRefinement("ssm-incidents", "TagResourceRequest", (x: TagsFormValues) => ({ resourceArn: x.arn, tags: toTagMap(x.tags) }), tagsFieldFor)(v, ctx);
  });
