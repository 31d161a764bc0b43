"use server";
import { replaceTags } from "../tags/replace-tags";
import { safeAction } from "../core/safe-action";
import { tagsFieldFor, tagsFormSchema, toTagMap } from "../tags/schemas";

/** Makes the incident's tags exactly the given ones. */
export const updateIncidentTagsAction = safeAction({
  name: "updateIncidentTagsAction",
  input: tagsFormSchema,
  permission: "incidents.write",
  fieldFor: tagsFieldFor,
  run: async ({ arn, tags }, { im }) => {
    await replaceTags(im.incidents, arn, toTagMap(tags));
    return { arn };
  },
});
