"use client";
import clsx from "clsx";
import { useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form-field";
import { CREATED_SINCE, foldedFilterCount, incidentListSearch, isFiltered, type CreatedSince, type IncidentListFilter } from "@/lib/console/incidents/filters";
import { IMPACTS, impactLabel } from "@/lib/console/incidents/impact";

/**
 * Search and filters of the incidents list. Every change is a new URL (router.push), so the back
 * button steps back through them and a filtered view can be shared. `/` focuses the search box.
 * The page keys it by the URL's text filters, so going back to another URL resets the text boxes.
 */
export function IncidentFilters({ filter }: { filter: IncidentListFilter }) {
  const router = useRouter();
  const searchRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(filter.q ?? "");
  const [createdBy, setCreatedBy] = useState(filter.createdBy ?? "");

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || e.metaKey || e.ctrlKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      // Typing a "/" into a field is just typing.
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      e.preventDefault();
      searchRef.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // The controls show the new choice at once; the URL (and the list) follow when the navigation lands.
  const [shown, setShown] = useOptimistic(filter);
  const [, startTransition] = useTransition();
  const go = (next: Partial<IncidentListFilter>) =>
    startTransition(() => {
      setShown({ ...filter, ...next });
      router.push(`/incidents${incidentListSearch({ ...filter, ...next })}`, { scroll: false });
    });
  const toggleImpact = (impact: number) =>
    go({ impacts: shown.impacts.includes(impact) ? shown.impacts.filter((i) => i !== impact) : [...shown.impacts, impact].sort() });
  const filtered = isFiltered(filter);

  // Below a tablet's width the filters beyond the title search fold behind one button, so a phone
  // shows the first incident without scrolling past them; the button counts the active ones.
  const [open, setOpen] = useState(false);
  const folded = foldedFilterCount(filter);

  return (
    <div className="space-y-3 px-5 pb-3">
      <form
        role="search"
        aria-label="Incidents"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...shown, q: q.trim() || undefined, createdBy: createdBy.trim() || undefined });
        }}
        // items-end: the controls (all h-9) line up, and so do their labels above them.
        className="flex flex-wrap items-end gap-3"
      >
        <div className="min-w-0 flex-1 md:min-w-48">
          <label htmlFor="incident-search" className="mb-1 block font-bold">
            Search by title
            <span aria-hidden className="font-normal text-muted max-md:hidden">
              {" "}
              (press <kbd className="rounded border border-line-strong px-1">/</kbd>)
            </span>
          </label>
          <Input
            ref={searchRef}
            id="incident-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Find incidents"
            aria-keyshortcuts="/"
            className="h-9"
          />
        </div>
        <Button type="submit" className="h-9 md:order-last">
          Search
        </Button>
        <div className="basis-full md:hidden">
          <Button aria-expanded={open} aria-controls="incident-filter-fields incident-impact-filter" onClick={() => setOpen((o) => !o)}>
            Filters
            {folded ? (
              <span className="rounded-full bg-link px-2 text-xs leading-5 text-white">
                {folded}
                <span className="sr-only"> active</span>
              </span>
            ) : null}
            <span aria-hidden>{open ? "▴" : "▾"}</span>
          </Button>
        </div>
        {/* On a wide screen this box is "contents": its fields sit in the form's one row. */}
        <div id="incident-filter-fields" className={clsx(open ? "flex" : "hidden", "w-full flex-wrap items-end gap-3 md:contents")}>
          <div className="min-w-48 max-md:flex-1">
            <label htmlFor="incident-created-by" className="mb-1 block font-bold">
              Created by
            </label>
            <Input
              id="incident-created-by"
              value={createdBy}
              onChange={(e) => setCreatedBy(e.target.value)}
              placeholder="E-mail or principal ARN"
              className="h-9"
            />
          </div>
          <div>
            <label htmlFor="incident-since" className="mb-1 block font-bold">
              Created
            </label>
            <Select
              id="incident-since"
              value={shown.since ?? ""}
              onChange={(e) => go({ since: (e.target.value || undefined) as CreatedSince | undefined })}
              className="h-9"
            >
              <option value="">Any time</option>
              {Object.entries(CREATED_SINCE).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="incident-from" className="mb-1 block font-bold">
              Created from
            </label>
            <Input id="incident-from" type="date" value={shown.from ?? ""} max={shown.to} onChange={(e) => go({ from: e.target.value || undefined })} className="h-9" />
          </div>
          <div>
            <label htmlFor="incident-to" className="mb-1 block font-bold">
              Created to
            </label>
            <Input id="incident-to" type="date" value={shown.to ?? ""} min={shown.from} onChange={(e) => go({ to: e.target.value || undefined })} className="h-9" />
          </div>
        </div>
      </form>
      <fieldset id="incident-impact-filter" className={clsx(open ? "flex" : "hidden md:flex", "flex-wrap items-center gap-x-4 gap-y-1")}>
        <legend className="sr-only">Impact</legend>
        <span aria-hidden className="font-bold">
          Impact:
        </span>
        {IMPACTS.map((i) => (
          <label key={i} className="flex items-center gap-1.5">
            <input type="checkbox" checked={shown.impacts.includes(i)} onChange={() => toggleImpact(i)} className="size-4 accent-link" />
            {impactLabel(i)}
          </label>
        ))}
        {filtered ? (
          <Button variant="link" onClick={() => router.push(`/incidents${incidentListSearch({ status: filter.status, impacts: [] })}`)}>
            Clear filters
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}
