"use client";
// Previous / next over an API's opaque nextToken: the tokens of the pages seen so far are a stack
// (the API can only go forward), so "Previous" pops and "Next" pushes the page's nextToken.
import { useState } from "react";
import { Button } from "./button";

export type TokenPages = {
  /** 0 for the first page. */
  pageIndex: number;
  /** The token that fetches the current page (undefined for the first). */
  token: string | undefined;
  previous(): void;
  next(token: string | undefined): void;
  /** Back to the first page (the filters changed). */
  reset(): void;
};

export function useTokenPages(): TokenPages {
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const pageIndex = tokens.length - 1;
  return {
    pageIndex,
    token: tokens[pageIndex],
    previous: () => setTokens((t) => t.slice(0, -1)),
    next: (token) => setTokens((t) => [...t, token]),
    reset: () => setTokens([undefined]),
  };
}

/** The pager row under a table. `busy` (a placeholder page is showing) holds "Next" back. */
export function TokenPager({ pages, nextToken, busy, note }: { pages: TokenPages; nextToken: string | undefined; busy: boolean; note?: string }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 border-t border-line px-5 py-2">
      <span className="text-muted" aria-live="polite">
        Page {pages.pageIndex + 1}
        {note ? ` · ${note}` : ""}
      </span>
      <Button variant="link" disabled={pages.pageIndex === 0} onClick={pages.previous}>
        Previous page
      </Button>
      <Button variant="link" disabled={!nextToken || busy} onClick={() => pages.next(nextToken)}>
        Next page
      </Button>
    </div>
  );
}
