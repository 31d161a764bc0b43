// An incident's tags (the Properties tab), as the signed-in user.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";

export type TagList = { key: string; value: string }[];

export function getIncidentTags(arn: string) {
  return withServices("getIncidentTags", "incidents.read", async ({ im }): Promise<TagList> => {
    const { tags } = await im.incidents.listTagsForResource({ resourceArn: arn });
    return Object.entries(tags ?? {})
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => a.key.localeCompare(b.key));
  });
}
