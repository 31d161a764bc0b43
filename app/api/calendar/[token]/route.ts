// GET /api/calendar/<token>.ics: a calendar feed of on-call shifts (public: the token is the
// credential). An unknown or revoked token, or one whose owner may no longer read, is a 404 that
// says nothing more.
import { readCalendarFeed } from "@/lib/console/schedules/feeds/queries";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let feed: Awaited<ReturnType<typeof readCalendarFeed>>;
  try {
    feed = token.endsWith(".ics") ? await readCalendarFeed(token.slice(0, -".ics".length)) : null;
  } catch (e) {
    // A calendar app retries later; the reason is in the log, not in the answer.
    console.error("[GET /api/calendar] the feed could not be read", e);
    return new Response("The feed could not be read now\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "300" } });
  }
  if (!feed) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(feed.body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="on-call.ics"',
      "Cache-Control": "private, no-store",
      // The URL is the secret: don't let it leave in a Referer from anything the response links.
      "Referrer-Policy": "no-referrer",
    },
  });
}
