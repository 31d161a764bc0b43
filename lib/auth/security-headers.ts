// The browser-side protections every console page carries, set by proxy.ts per request (the CSP
// holds a fresh nonce, which Next puts on its own scripts); the fixed ones (nosniff,
// Referrer-Policy, X-Frame-Options, Permissions-Policy) are in next.config.js for every response.
//
// Scripts: only this origin's files and the scripts carrying this response's nonce
// ('strict-dynamic' lets those load the app's chunks); no inline script an attacker could inject
// runs. Styles allow inline attributes: React and Radix position popovers with style="...", and a
// style cannot run code. Frames: the console is never framed (clickjacking).

/** `next dev` evaluates its hot-reload code: only there is 'unsafe-eval' added. */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS, for responses served over https only (a browser ignores it over http anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Whether the browser reached the console over https: directly, or through a reverse proxy that
 * IM_TRUST_PROXY says to believe (X-Forwarded-Proto is anyone's to send otherwise).
 */
export function servedOverHttps(url: URL, headers: Headers, trustProxy: boolean): boolean {
  if (url.protocol === "https:") return true;
  return trustProxy && headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
