"use server";
import { replaceTags } from "./replace-tags";
import { safeAction } from "./safe-action";
import { tagsFieldFor, tagsFormSchema, toTagMap } from "./schemas/tags";

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
