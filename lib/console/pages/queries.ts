// "My pages": the pages addressed to the signed-in user's contact (ListPagesByContact, then
// DescribePage for each page's subject), newest first. Through the contract, so aws mode works too;
// the local engine's INBOX notifications are the same pages seen from the outbox's side.
import "server-only";
import { getMyContactArn } from "@/lib/auth/my-contact";
import { withServices } from "@/lib/console/core/safe-action";
import { toPageRow } from "@/lib/console/engagements/queries";
import type { MyPages } from "@/lib/console/pages/dto";

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
