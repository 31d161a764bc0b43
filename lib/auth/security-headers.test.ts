import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps } from "./security-headers";

describe("security headers", () => {
  it("the CSP allows only this origin's and this response's scripts, and no framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const forwarded = new Headers({ "x-forwarded-proto": "https" });
    expect(servedOverHttps(new Headers(), true)).toBe(false);
    expect(servedOverHttps(forwarded, false)).toBe(false);
    expect(servedOverHttps(forwarded, true)).toBe(true);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "https, http" }), true)).toBe(true);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "http" }), true)).toBe(false);
  });
});
