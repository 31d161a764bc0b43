"use client";
import { useRouter } from "next/navigation";
import type { EngagementDetail } from "@/lib/console/engagements/dto";
import { EngagementPanel } from "./engagement-panel";

/** The engagement's pages and receipts on its own page: a stop or acknowledge re-reads the page. */
export function EngagementPages({ engagement, canWrite }: { engagement: EngagementDetail; canWrite: boolean }) {
  const router = useRouter();
  return <EngagementPanel engagement={engagement} canWrite={canWrite} onChange={async () => router.refresh()} />;
}
