// Makes an Incident Manager resource's tags exactly the given ones: UntagResource for keys that
// went, TagResource for new and changed values (AWS has no "replace all tags" operation). Two calls,
// not one transaction, but safe to retry (README "Operating"): each try works out what to change
// from the tags as they are now, so a try cut off between the calls is completed by the next.
import "server-only";
import { parseIncidentsArn } from "@/lib/im/arns";
import type { IncidentsService } from "@/lib/im/contract";
import { validation } from "@/lib/im/errors";

const WHAT = { "incident-record": "an incident", "response-plan": "a response plan" } as const;

/**
 * `resourceType` is the only kind of resource the calling page may tag: an incident's Edit tags
 * must not reach the replication set (tagging it is an admin's, in Settings) or anything else.
 */
export async function replaceTags(
  incidents: IncidentsService,
  resourceArn: string,
  wanted: Record<string, string>,
  resourceType: keyof typeof WHAT,
): Promise<void> {
  if (parseIncidentsArn(resourceArn)?.resourceType !== resourceType) {
    throw validation(`${resourceArn} is not ${WHAT[resourceType]}: only its own tags can be changed here`, [
      { name: "arn", message: `Not ${WHAT[resourceType]}` },
    ]);
  }
  const { tags: current = {} } = await incidents.listTagsForResource({ resourceArn });
  const removed = Object.keys(current).filter((k) => !(k in wanted));
  const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v));
  if (removed.length) await incidents.untagResource({ resourceArn, tagKeys: removed });
  if (Object.keys(changed).length) await incidents.tagResource({ resourceArn, tags: changed });
}
