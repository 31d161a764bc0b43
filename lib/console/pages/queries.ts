// "My pages": the pages addressed to the signed-in user's contact (ListPagesByContact, then
// DescribePage for each page's subject), newest first. Through the contract, so aws mode works too;
// the local engine's INBOX notifications are the same pages seen from the outbox's side.
import "server-only";
import { getMyContactArn } from "@/lib/auth/my-contact";
import { withServices } from "@/lib/console/core/safe-action";
import { toPageRow } from "@/lib/console/engagements/queries";
import type { MyPages, UnacknowledgedCount } from "@/lib/console/pages/dto";

export const MY_PAGES_PAGE_SIZE = 20;

export function listMyPages(nextToken?: string) {
  return withServices("listMyPages", "contacts.read", async ({ user, im }): Promise<MyPages> => {
    const myContactArn = await getMyContactArn(user);
    if (!myContactArn) return { myContactArn, pages: [] };
    const out = await im.contacts.listPagesByContact({ ContactId: myContactArn, MaxResults: MY_PAGES_PAGE_SIZE, NextToken: nextToken || undefined });
    const pages = await Promise.all(
      (out.Pages ?? []).map(async (p) => {
        const d = await im.contacts.describePage({ PageId: p.PageArn });
        return { ...toPageRow(p, myContactArn), subject: d.Subject };
      }),
    );
    return { myContactArn, pages, nextToken: out.NextToken };
  });
}

/**
 * How many of the newest pages the navigation's count looks through: one ListPagesByContact call
 * on every live refresh of every open console (and, in aws mode, one AWS call per poll), so a
 * bounded window rather than the contact's whole history.
 */
export const UNACKNOWLEDGED_WINDOW = 100;

/**
 * The number in the navigation beside "My pages": my pages not yet acknowledged, among the newest
 * UNACKNOWLEDGED_WINDOW (`more`: the window was all unacknowledged and older pages exist).
 */
export function countMyUnacknowledgedPages() {
  return withServices("countMyUnacknowledgedPages", "contacts.read", async ({ user, im }): Promise<UnacknowledgedCount> => {
    const myContactArn = await getMyContactArn(user);
    if (!myContactArn) return { count: 0, more: false };
    const out = await im.contacts.listPagesByContact({ ContactId: myContactArn, MaxResults: UNACKNOWLEDGED_WINDOW });
    const pages = out.Pages ?? [];
    const count = pages.filter((p) => !p.ReadTime).length;
    return { count, more: count === pages.length && !!out.NextToken };
  });
}
