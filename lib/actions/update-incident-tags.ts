"use server";
import { safeAction } from "./safe-action";
import { tagsFieldFor, tagsFormSchema, toTagMap } from "./schemas/tags";

/**
 * Makes the incident's tags exactly the given ones: UntagResource for keys that went,
 * TagResource for new and changed values (AWS has no "replace all tags" operation).
 */
export const updateIncidentTagsAction = safeAction({
  name: "updateIncidentTagsAction",
  input: tagsFormSchema,
  permission: "incidents.write",
  fieldFor: tagsFieldFor,
  run: async ({ arn, tags }, { im }) => {
    const wanted = toTagMap(tags);
    const { tags: current = {} } = await im.incidents.listTagsForResource({ resourceArn: arn });
    const removed = Object.keys(current).filter((k) => !(k in wanted));
    const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v));
    if (removed.length) await im.incidents.untagResource({ resourceArn: arn, tagKeys: removed });
    if (Object.keys(changed).length) await im.incidents.tagResource({ resourceArn: arn, tags: changed });
    return { arn };
  },
});
