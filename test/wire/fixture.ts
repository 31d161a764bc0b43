// A running AWS-compatible endpoint for tests: a real database (SQLite or PostgreSQL), the local
// model over it, both services' wire handlers in a node:http host, and API keys to call them with.
import { createHash } from "node:crypto";
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Role } from "@/lib/auth/permissions";
import { dbKeyStore, type BootstrapKey } from "@/lib/api-keys";
import { localServices } from "@/lib/im/local";
import type { ServiceId } from "@/lib/im/model";
import { createWireHandler } from "@/lib/wire/handler";
import { createTestKey, type TestKey } from "../support/api-keys";
import { createTestDatabase, type Provider, type TestDatabase } from "../support/databases";
import { startWireHost, type WireHost } from "../support/wire-host";

export const ACCOUNT_ID = "123456789012";
export const REGION = "us-east-1";

export type Credentials = { accessKeyId: string; secretAccessKey: string };

export type WireFixture = {
  t: TestDatabase;
  host: WireHost;
  endpoints: Record<ServiceId, string>;
  /** Server clock: tests move it to make signatures stale. */
  clock: { offsetMs: number };
  errors: unknown[];
  /** A key and the console user it belongs to (whose e-mail it acts as). */
  key(role: Role, name?: string): Promise<TestKey>;
  incidents(credentials: Credentials): SSMIncidents;
  contacts(credentials: Credentials): SSMContacts;
  close(): Promise<void>;
};

export async function startWireFixture(provider: Provider, options: { bootstrap?: BootstrapKey } = {}): Promise<WireFixture> {
  const t = await createTestDatabase(provider);
  const keys = dbKeyStore(t.db, { bootstrap: options.bootstrap });
  const clock = { offsetMs: 0 };
  const errors: unknown[] = [];
  const common = {
    keys,
    accountId: ACCOUNT_ID,
    region: REGION,
    now: () => new Date(Date.now() + clock.offsetMs),
    resolveServices: (caller: { principalArn: string }) => localServices(caller, { db: t.db, accountId: ACCOUNT_ID, region: REGION }),
    // Unexpected failures are collected so tests can assert there were none.
    logger: { error: (...args: unknown[]) => void errors.push(args) },
  };
  const incidentsHandler = createWireHandler({ service: "ssm-incidents", ...common });
  const contactsHandler = createWireHandler({ service: "ssm-contacts", ...common });
  const host = await startWireHost(async (req) =>
    new URL(req.url).pathname.startsWith("/api/aws/ssm-contacts") ? contactsHandler(req) : incidentsHandler(req),
  );
  const endpoints = {
    "ssm-incidents": `${host.origin}/api/aws/ssm-incidents`,
    "ssm-contacts": `${host.origin}/api/aws/ssm-contacts`,
  };
  return {
    t,
    host,
    endpoints,
    clock,
    errors,
    key: (role, name = `${role}-key`) => createTestKey(t.db, { name, role }),
    // maxAttempts 1: a retried 5xx would hide the failure a test is looking for.
    incidents: (credentials) => new SSMIncidents({ endpoint: endpoints["ssm-incidents"], region: REGION, credentials, maxAttempts: 1 }),
    contacts: (credentials) => new SSMContacts({ endpoint: endpoints["ssm-contacts"], region: REGION, credentials, maxAttempts: 1 }),
    close: async () => {
      await host.close();
      await t.cleanup();
    },
  };
}

export type SignStyle =
  /** What the JS SDK signs: host, x-amz-date, x-amz-content-sha256 and the request's other headers. */
  | "sdk"
  /** What botocore (the AWS CLI) signs for these services: host and x-amz-date, no content hash header. */
  | "cli";

export type RawRequest = {
  method?: string;
  /** Path and query as sent, percent-encoded: `/api/aws/ssm-incidents/getIncidentRecord?arn=...`. */
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  credentials?: Credentials;
  service?: string;
  region?: string;
  signingDate?: Date;
  style?: SignStyle;
  /** Changes the body after signing. */
  tamper?: (body: Uint8Array) => Uint8Array;
};

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Builds the headers of a request signed with SigV4 by the SDK's signer. */
export async function signRequest(origin: string, r: RawRequest): Promise<{ url: string; method: string; headers: Record<string, string>; body?: Uint8Array }> {
  const url = new URL(origin + r.path);
  const method = r.method ?? "POST";
  const body = r.body === undefined ? undefined : typeof r.body === "string" ? new TextEncoder().encode(r.body) : r.body;
  const extra = r.headers ?? {};
  const style = r.style ?? "sdk";
  const query: Record<string, string | string[]> = {};
  // The raw query's pairs, decoded (the signer encodes them again); unsigned requests may send any bytes.
  for (const part of r.credentials ? url.search.slice(1).split("&").filter(Boolean) : []) {
    const [k, v = ""] = part.split("=");
    const key = decodeURIComponent(k);
    const value = decodeURIComponent(v);
    const prev = query[key];
    query[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  const toSign: Record<string, string> = { host: url.host, ...(style === "sdk" ? extra : {}) };
  const headers: Record<string, string> = { ...extra };
  if (r.credentials) {
    const signer = new SignatureV4({
      service: r.service ?? "ssm-incidents",
      region: r.region ?? REGION,
      credentials: r.credentials,
      sha256: Sha256,
      applyChecksum: style === "sdk",
      uriEscapePath: true,
    });
    const signed = await signer.sign(
      new HttpRequest({ method, protocol: "http:", hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers: toSign, body }),
      { signingDate: r.signingDate ?? new Date() },
    );
    for (const [k, v] of Object.entries(signed.headers)) if (k !== "host") headers[k] = v;
  }
  const sent = body && r.tamper ? r.tamper(body) : body;
  return { url: url.toString(), method, headers, body: sent };
}

/** Sends a hand-signed request (or an unsigned one, without credentials) and returns status, headers and parsed body. */
export async function rawCall(origin: string, r: RawRequest): Promise<{ status: number; headers: Headers; text: string; json: Record<string, unknown> | null }> {
  const { url, method, headers, body } = await signRequest(origin, r);
  const res = await fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The error name an SDK call rejected with. */
export async function errorOf(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error("expected the call to fail");
}
