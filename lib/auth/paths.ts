// Paths the auth layer redirects to; shared by proxy.ts, the next-auth options and pages.
export const SIGN_IN_PATH = "/signin";
export const HOME_PATH = "/incidents";

// Any origin that can't be real: a callbackUrl is resolved against it and must stay on it.
const SELF = "http://console.invalid";

/**
 * A callbackUrl we may redirect to: a path on this site only. It is resolved as a browser would
 * (which drops tabs and newlines and reads "\\" as "/": "/\t/evil.example" is "//evil.example",
 * another site) and must land on our own origin; control characters are refused outright.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return HOME_PATH;
  let url: URL;
  try {
    url = new URL(value, SELF);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== SELF) return HOME_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.pathname === SIGN_IN_PATH) return HOME_PATH;
  return path;
}
