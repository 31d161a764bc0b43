// /api/aws/ssm-incidents/** and /api/aws/ssm-contacts[/] on plain node:http: the same wire layer
// (lib/wire), SigV4 keys and services as the Next route handlers, without the framework's
// per-request cost (a bare Next route handler tops out near 1,000 req/s on the 2-core machine,
// issue 3 asks for 2,000 GetIncidentRecord req/s).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { bodyTooLarge, type RawWireHandler } from "@/lib/wire/handler";
import { processRawWireHandler } from "@/lib/wire/route";
import type { ServiceId } from "@/lib/im/model";
import type { WireHeaders } from "@/lib/wire/wire-error";

const PREFIXES: [string, ServiceId][] = [
  ["/api/aws/ssm-incidents", "ssm-incidents"],
  ["/api/aws/ssm-contacts", "ssm-contacts"],
];

/** The service whose endpoint `path` is under (the prefix itself, or the prefix + "/..."). */
export function awsServiceFor(url: string | undefined): ServiceId | undefined {
  if (!url) return undefined;
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  for (const [prefix, service] of PREFIXES) {
    if (path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47 /* "/" */)) return service;
  }
  return undefined;
}

const EMPTY = new Uint8Array(0);

function readNodeBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    req.resume();
    return Promise.reject(bodyTooLarge(limit));
  }
  // A request without a body (a GET, as the SDKs send one) arrives complete with its headers:
  // nothing to wait for.
  if (req.complete && req.readableLength === 0 && declared === 0 && req.headers["transfer-encoding"] === undefined) {
    req.resume();
    return Promise.resolve(EMPTY);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      total += chunk.byteLength;
      if (total > limit) {
        failed = true;
        chunks.length = 0;
        req.resume(); // drain the rest, so the 413 can still be read by the client
        reject(bodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total));
    });
    req.on("error", (e) => {
      failed = true;
      reject(e);
    });
  });
}

/**
 * The request's headers as the wire layer reads them, straight over node's parsed headers (names
 * already lowercase; repeated headers joined with ", " as node and the Web Headers both do).
 */
export function nodeHeaders(headers: IncomingHttpHeaders): WireHeaders {
  const value = (v: string | string[] | undefined) => (v === undefined ? null : Array.isArray(v) ? v.join(", ") : v);
  return {
    get: (name) => value(headers[name.toLowerCase()]),
    has: (name) => headers[name.toLowerCase()] !== undefined,
    forEach(callback) {
      for (const [name, v] of Object.entries(headers)) {
        const joined = value(v);
        if (joined !== null) callback(joined, name);
      }
    },
  };
}

export type AwsEndpoints = (service: ServiceId, req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Answers AWS-compatible requests from the process's wire handlers (or given ones, in tests). */
export function awsEndpoints(handlers?: Partial<Record<ServiceId, RawWireHandler>>): AwsEndpoints {
  const byService: Partial<Record<ServiceId, RawWireHandler>> = { ...handlers };
  return async (service, req, res) => {
    const handler = (byService[service] ??= processRawWireHandler(service));
    // The wire layer wants an absolute URL; only its path and query are read (the Host header is
    // checked by the signature, not here).
    const response = await handler({
      method: req.method ?? "GET",
      url: `http://localhost${req.url ?? "/"}`,
      headers: nodeHeaders(req.headers),
      readBody: (limit) => readNodeBody(req, limit),
    });
    const body = response.body ?? "";
    res.writeHead(response.status, { ...response.headers, "content-length": Buffer.byteLength(body) });
    res.end(body);
  };
}
