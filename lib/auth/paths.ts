// Paths the auth layer redirects to; shared by proxy.ts, the next-auth options and pages.
export const SIGN_IN_PATH = "/signin";
export const HOME_PATH = "/incidents";

/** A callbackUrl we may redirect to: a path on this site only (never //host or an absolute URL). */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return HOME_PATH;
  }
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`)) return HOME_PATH;
  return value;
}
