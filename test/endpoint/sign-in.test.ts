// Sign-in against running consoles. Session cookies are Secure whenever the console is reached
// over https — here, through a reverse proxy it trusts (IM_TRUST_PROXY), even though NEXTAUTH_URL
// says http — and such pages carry HSTS; a console that doesn't trust a proxy believes no
// X-Forwarded-Proto. Wrong passwords in a row make the next attempt wait, the right one included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl } from "../support/databases";

const ADMIN = { email: "cookie-admin@example.com", password: "cookie-admin-password" };
const HTTPS = { "x-forwarded-proto": "https" };

/** Signs in through next-auth's endpoints with `headers` on every request; returns the Set-Cookie lines, a Cookie header and next-auth's error. */
async function signIn(url: string, headers: Record<string, string>, password = ADMIN.password): Promise<{ setCookies: string[]; cookie: string; error: string | null }> {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair] = line.split(";");
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password, json: "true" }),
  });
  keep(res);
  // As the sign-in form reads it: the error in the URL next-auth answers with.
  const { url: to } = (await res.json().catch(() => ({}))) as { url?: string };
  return { setCookies, cookie: cookie(), error: to ? new URL(to).searchParams.get("error") : null };
}

const sessionLine = (lines: string[]) => lines.find((l) => /next-auth\.session-token=/.test(l)) ?? "";

describe("session cookies over https", () => {
  const servers: ConsoleServer[] = [];
  const drops: (() => Promise<void>)[] = [];
  let trusting: ConsoleServer;
  let plain: ConsoleServer;

  beforeAll(async () => {
    const env = { IM_ADMIN_EMAIL: ADMIN.email, IM_ADMIN_PASSWORD: ADMIN.password };
    const [a, b] = await Promise.all([createTestDatabaseUrl("sqlite"), createTestDatabaseUrl("sqlite")]);
    drops.push(a.drop, b.drop);
    [trusting, plain] = await Promise.all([
      startConsoleServer({ databaseUrl: a.url, env: { ...env, IM_TRUST_PROXY: "1" } }),
      startConsoleServer({ databaseUrl: b.url, env }),
    ]);
    servers.push(trusting, plain);
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const d of drops) await d();
  });

  it("through a trusted https proxy: Secure, __Secure- prefixed cookies that work, and HSTS", async () => {
    const { setCookies, cookie } = await signIn(trusting.url, HTTPS);
    const session = sessionLine(setCookies);
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    const api = await fetch(`${trusting.url}/api/incidents?status=OPEN`, { headers: { ...HTTPS, cookie } });
    expect(api.status).toBe(200);
    const page = await fetch(`${trusting.url}/incidents`, { headers: { ...HTTPS, cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("the same console over plain http: ordinary cookies, no HSTS", async () => {
    const { setCookies, cookie } = await signIn(trusting.url, {});
    const session = sessionLine(setCookies);
    expect(session).toMatch(/^next-auth\.session-token=/);
    expect(session).not.toMatch(/;\s*Secure/i);
    const page = await fetch(`${trusting.url}/incidents`, { headers: { cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    expect(page.headers.get("strict-transport-security")).toBeNull();
  });

  it("a console that trusts no proxy ignores X-Forwarded-Proto", async () => {
    const { setCookies } = await signIn(plain.url, HTTPS);
    expect(sessionLine(setCookies)).toMatch(/^next-auth\.session-token=/);
    const page = await fetch(`${plain.url}/signin`, { headers: HTTPS });
    expect(page.headers.get("strict-transport-security")).toBeNull();
  });

  it("wrong passwords in a row make the next attempt wait — the right password too — then let it in", async () => {
    for (let i = 0; i < 4; i++) expect((await signIn(plain.url, {}, "not-the-password")).error).toBe("CredentialsSignin");
    const refused = await signIn(plain.url, {});
    expect(refused.error).toMatch(/^Too many sign-in attempts: try again in \d+ seconds?\.$/);
    expect(sessionLine(refused.setCookies)).toBe("");
    const seconds = Number(/in (\d+) second/.exec(refused.error!)![1]);
    // The server's own figure: waiting that long is all it takes (never a lock).
    await new Promise((r) => setTimeout(r, seconds * 1000 + 100));
    const after = await signIn(plain.url, {});
    expect(after.error).toBeNull();
    expect(sessionLine(after.setCookies)).toMatch(/^next-auth\.session-token=/);
  });
});
