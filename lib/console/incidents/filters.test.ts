// The incidents list's URL filters: parsed leniently (junk is dropped, not an error), written back
// minimally, and mapped onto ListIncidentRecords filters.
import { describe, expect, it } from "vitest";
import { foldedFilterCount, incidentListSearch, isFiltered, parseIncidentListFilter } from "./filters";
import { toRecordFilters } from "./queries";

const parse = (qs: string) => parseIncidentListFilter(new URLSearchParams(qs));

describe("incident list filters", () => {
  it("round-trips through the URL and drops what isn't a filter", () => {
    const f = parse("status=RESOLVED&impact=2,1,9,x,1&createdBy=ana@example.com&since=24h&from=2026-02-30&to=2026-03-01&q=%20disk%20");
    expect(f).toEqual({ status: "RESOLVED", impacts: [1, 2], createdBy: "ana@example.com", since: "24h", from: undefined, to: "2026-03-01", q: "disk" });
    expect(parse(incidentListSearch(f).slice(1))).toEqual(f);
    expect(incidentListSearch(parse("status=bogus&since=forever"))).toBe("");
    expect(isFiltered(parse(""))).toBe(false);
    expect(isFiltered(parse("to=2026-03-01"))).toBe(true);
  });

  it("counts the filters a phone folds behind its Filters button: impact once, the title search not at all", () => {
    expect(foldedFilterCount(parse("q=disk"))).toBe(0);
    expect(foldedFilterCount(parse("impact=1,2,3"))).toBe(1);
    expect(foldedFilterCount(parse("impact=1&createdBy=ana@example.com&since=24h&from=2026-03-01&to=2026-03-02&q=x"))).toBe(5);
  });

  it("maps each filter onto ListIncidentRecords' keys", () => {
    const now = Date.parse("2026-03-10T12:00:00Z");
    const filters = toRecordFilters(parse("impact=1,2&createdBy=ana@example.com&since=1h&from=2026-03-01&to=2026-03-02"), now);
    expect(filters).toEqual([
      { key: "status", condition: { equals: { stringValues: ["OPEN"] } } },
      { key: "impact", condition: { equals: { integerValues: [1, 2] } } },
      { key: "createdBy", condition: { equals: { stringValues: ["arn:aws:iam::000000000000:user/ana@example.com"] } } },
      { key: "creationTime", condition: { after: new Date("2026-03-10T11:00:00Z") } },
      { key: "creationTime", condition: { after: new Date("2026-03-01T00:00:00Z") } },
      { key: "creationTime", condition: { before: new Date("2026-03-03T00:00:00Z") } },
    ]);
    const arn = "arn:aws:iam::123456789012:role/oncall";
    expect(toRecordFilters(parse(`createdBy=${encodeURIComponent(arn)}`))[1]).toEqual({ key: "createdBy", condition: { equals: { stringValues: [arn] } } });
  });
});
