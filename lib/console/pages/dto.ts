// What "My pages" shows. Client-safe types.
import type { PageRow } from "@/lib/console/engagements/dto";

export type MyPages = { myContactArn: string | null; pages: PageRow[]; nextToken?: string };

/** The navigation's count of my unacknowledged pages (`more`: at least this many). */
export type UnacknowledgedCount = { count: number; more: boolean };
