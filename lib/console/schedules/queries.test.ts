import { describe, expect, it } from "vitest";
import { isImError } from "@/lib/im/errors";
import { MAX_RANGE_MS, parseRange } from "./queries";

const refusal = (from: string | null, to: string | null) => {
  try {
    parseRange(from, to);
  } catch (e) {
    return isImError(e) ? { name: e.code, message: e.message } : { name: "not an ImError", message: String(e) };
  }
  return undefined;
};

describe("parseRange (the shifts route's from and to)", () => {
  it("takes two ISO times in order", () => {
    expect(parseRange("2026-11-30T00:00:00.000Z", "2027-01-04T00:00:00+00:00")).toEqual({ from: new Date("2026-11-30T00:00:00Z"), to: new Date("2027-01-04T00:00:00Z") });
  });
  it("refuses a missing or unreadable time, a range backwards, and one too long, as ValidationException", () => {
    expect(refusal(null, "2027-01-04T00:00:00Z")).toEqual({ name: "ValidationException", message: "from must be an ISO 8601 time." });
    expect(refusal("2026-11-30T00:00:00Z", "soon")).toEqual({ name: "ValidationException", message: "to must be an ISO 8601 time." });
    expect(refusal("2026-11-30T00:00:00Z", "2026-11-30T00:00:00Z")?.message).toBe("to must be after from.");
    const from = Date.parse("2026-01-01T00:00:00Z");
    expect(refusal(new Date(from).toISOString(), new Date(from + MAX_RANGE_MS + 1).toISOString())?.message).toMatch(/at most 400 days/);
  });
});
