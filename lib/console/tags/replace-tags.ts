// Makes an Incident Manager resource's tags exactly the given ones: UntagResource for keys that
// went, TagResource for new and changed values (AWS has no "replace all tags" operation).
import "server-only";
import type { IncidentsService } from "@/lib/im/contract";

export async function replaceTags(incidents: IncidentsService, resourceArn: string, wanted: Record<string, string>): Promise<void> {
  const { tags: current = {} } = await incidents.listTagsForResource({ resourceArn });
  const removed = Object.keys(current).filter((k) => !(k in wanted));
  const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v));
  if (removed.length) await incidents.untagResource({ resourceArn, tagKeys: removed });
  if (Object.keys(changed).length) await incidents.tagResource({ resourceArn, tags: changed });
}
