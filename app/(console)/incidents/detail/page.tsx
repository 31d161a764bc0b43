import { notFound, permanentRedirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { incidentPath, incidentPathParts } from "@/lib/console/incidents/paths";

/**
 * The old long incident URL, `/incidents/detail?arn=…`: links pasted before the short URLs
 * (`/incidents/<plan>/<id>`) keep working, and land on the short one, tab included.
 */
export default async function OldIncidentUrl({ searchParams }: { searchParams: Promise<{ arn?: string | string[]; tab?: string | string[] }> }) {
  await requireUser();
  const { arn, tab } = await searchParams;
  if (typeof arn !== "string" || !incidentPathParts(arn)) notFound();
  permanentRedirect(incidentPath(arn, typeof tab === "string" ? tab : undefined));
}
