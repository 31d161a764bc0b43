// An incident's related items, as the signed-in user.
import "server-only";
import type { RelatedItem } from "@aws-sdk/client-ssm-incidents";
import { awsConsoleHref } from "@/lib/console/core/names";
import { withServices } from "@/lib/console/core/safe-action";
import type { RelatedItemRow } from "@/lib/console/related-items/dto";

// An incident has at most a few hundred items: the tab shows them all.
const MAX_ITEMS = 500;

/** Only http(s) URLs become links: a `javascript:` URL an item was given stays text. */
function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function toRow(item: RelatedItem): RelatedItemRow {
  const v: { arn?: string; url?: string; metricDefinition?: string } = item.identifier?.value ?? {};
  const value = { arn: v.arn, url: v.url, metricDefinition: v.metricDefinition };
  return {
    id: item.generatedId ?? `${item.identifier?.type}:${v.arn ?? v.url ?? v.metricDefinition}`,
    type: item.identifier?.type ?? "OTHER",
    title: item.title,
    value,
    href: safeHref(v.url) ?? (v.arn ? awsConsoleHref(v.arn) : undefined),
  };
}

export function listRelatedItems(incidentRecordArn: string) {
  return withServices("listRelatedItems", "incidents.read", async ({ im }): Promise<RelatedItemRow[]> => {
    const rows: RelatedItemRow[] = [];
    let nextToken: string | undefined;
    do {
      const out = await im.incidents.listRelatedItems({ incidentRecordArn, maxResults: 100, nextToken });
      rows.push(...(out.relatedItems ?? []).map(toRow));
      nextToken = out.nextToken;
    } while (nextToken && rows.length < MAX_ITEMS);
    return rows;
  });
}
