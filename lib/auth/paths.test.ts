// Where sign-in may send someone afterwards: this site's paths only.
import { describe, expect, it } from "vitest";
import { HOME_PATH, safeCallbackUrl } from "./paths";

describe("safeCallbackUrl", () => {
  it.each([
    ["/incidents/abc?tab=timeline#x", "/incidents/abc?tab=timeline#x"],
    ["/settings", "/settings"],
    ["/response-plans/a%2Fb", "/response-plans/a%2Fb"],
  ])("keeps a path of this site: %s", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    // What a browser resolves to another site: tab, newline or backslash tricks, protocol-relative.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "/\u0000",
    // Back to the sign-in page itself would loop.
    "/signin",
    "/signin?callbackUrl=/x",
    "",
    undefined,
    ["/incidents"],
  ])("refuses %j", (value) => {
    expect(safeCallbackUrl(value)).toBe(HOME_PATH);
  });
});
