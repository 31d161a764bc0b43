// The URLs of an alert integration: where its tool sends alerts, and the PagerDuty Events API v2
// compatible endpoint (whose routing_key is the integration's token). Client-safe: the section
// adds the origin the browser reached the console at, which is what the sending tool must call.

/** The intake path of one integration (its native webhook format, POST). */
export function ingestionPath(id: string): string {
  return `/api/integrations/${encodeURIComponent(id)}`;
}

/** PagerDuty's Events API v2 path, served at the console's root as PagerDuty serves it. */
export const PAGERDUTY_ENQUEUE_PATH = "/v2/enqueue";

/** Both URLs at an origin ("https://console.example.com"). */
export function integrationUrls(origin: string, id: string): { ingestionUrl: string; pagerDutyUrl: string } {
  const base = origin.replace(/\/+$/, "");
  return { ingestionUrl: `${base}${ingestionPath(id)}`, pagerDutyUrl: `${base}${PAGERDUTY_ENQUEUE_PATH}` };
}
