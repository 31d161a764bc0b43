// The tags of any Incident Manager resource, whichever service owns it: ssm-incidents takes a
// TagMap (`tags`), ssm-contacts a TagsList (`Tags`). Both consoles' Settings → Tags call these.
import "server-only";
import { NOT_AN_IM_ARN, serviceOfArn } from "@/lib/console/tags/service-of-arn";
import type { Services } from "@/lib/im";
import { validation } from "@/lib/im/errors";
import type { Tag } from "./dto";

function serviceOf(arn: string) {
  const service = serviceOfArn(arn);
  if (!service) throw validation(NOT_AN_IM_ARN, [{ name: "arn", message: NOT_AN_IM_ARN }]);
  return service;
}

/** ListTagsForResource of the owning service, sorted by key. */
export async function listResourceTags(im: Services, arn: string): Promise<Tag[]> {
  const tags =
    serviceOf(arn) === "ssm-incidents"
      ? Object.entries((await im.incidents.listTagsForResource({ resourceArn: arn })).tags ?? {}).map(([key, value]) => ({ key, value }))
      : ((await im.contacts.listTagsForResource({ ResourceARN: arn })).Tags ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" }));
  return tags.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Sets `tags` (TagResource: new keys and new values) and removes `removedKeys` (UntagResource).
 * Tags someone else added meanwhile are left alone: only keys the caller saw and dropped go. Both
 * calls set a state rather than change it, so a save cut off between them is completed by sending
 * it again (README "Operating").
 */
export async function updateResourceTags(im: Services, arn: string, tags: Tag[], removedKeys: string[]): Promise<void> {
  const incidents = serviceOf(arn) === "ssm-incidents";
  if (removedKeys.length) {
    await (incidents ? im.incidents.untagResource({ resourceArn: arn, tagKeys: removedKeys }) : im.contacts.untagResource({ ResourceARN: arn, TagKeys: removedKeys }));
  }
  if (tags.length) {
    await (incidents
      ? im.incidents.tagResource({ resourceArn: arn, tags: Object.fromEntries(tags.map((t) => [t.key, t.value])) })
      : im.contacts.tagResource({ ResourceARN: arn, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }));
  }
}
