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
 * Whether the browser reached the console over https. The console's own servers (`npm start`,
 * `next start`) speak only http, so https means a reverse proxy in front — believed only when
 * IM_TRUST_PROXY says so, since X-Forwarded-Proto is anyone's to send. (Next itself builds
 * request URLs from that header, so a URL's protocol proves nothing either.)
 */
export function servedOverHttps(headers: Headers, trustProxy: boolean): boolean {
  return trustProxy && headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** next-auth's session cookie, by whether it is set over https (the `__Secure-` prefix then). */
export const sessionCookieName = (secure: boolean) => (secure ? "__Secure-next-auth.session-token" : "next-auth.session-token");

/**
 * Whether session cookies are `Secure` (and `__Secure-`/`__Host-` prefixed) for this request:
 * when NEXTAUTH_URL is https, and whenever the request came over https through a trusted proxy,
 * even without NEXTAUTH_URL.
 */
export function secureCookies(headers: Headers, trustProxy: boolean): boolean {
  return !!process.env.NEXTAUTH_URL?.startsWith("https://") || servedOverHttps(headers, trustProxy);
}
