"use server";
// Settings → Tags (admins only: settings.write): the tags of any Incident Manager resource, by ARN.
import { updateResourceTags } from "@/lib/console/tags/resource-tags";
import { safeAction } from "../core/safe-action";
import { resourceTagsFormSchema } from "./tag-schemas";

/** `tags.<key>`, `Tags[i]` and `ResourceARN` refusals of the backend: the whole editor, or the ARN. */
const tagsFieldFor = (path: string) => (/^(tags|Tags)\b/.test(path) ? "tags" : /^(resourceArn|ResourceARN|arn)$/.test(path) ? "arn" : undefined);

export const updateResourceTagsAction = safeAction({
  name: "updateResourceTagsAction",
  input: resourceTagsFormSchema,
  permission: "settings.write",
  fieldFor: tagsFieldFor,
  run: async ({ arn, tags, loadedKeys }, { im }) => {
    const rows = tags.map((t) => ({ key: t.key.trim(), value: t.value.trim() }));
    const kept = new Set(rows.map((t) => t.key));
    await updateResourceTags(im, arn, rows, loadedKeys.filter((k) => !kept.has(k)));
    return { arn };
  },
});
