// The AWS-compatible endpoint of one service, free of any web framework: a Web Request in, a Web
// Response out. Every request is authenticated (SigV4), authorized (the key's role against the
// operation's permission), parsed by the service's protocol, run against the contract and
// answered in that protocol's shape. Expected failures keep their AWS name; anything else is
// logged and answered as a generic InternalServerException.
import { randomUUID } from "node:crypto";
import { can, permissionForOperation, permissionForResource, type Permission } from "@/lib/auth/permissions";
import type { ApiKeyCredential, KeyStore } from "@/lib/api-keys/key-store";
import type { ContactsService, IncidentsService } from "@/lib/im/contract";
import { ImError, toImError } from "@/lib/im/errors";
import type { Caller, Services } from "@/lib/im";
import { principalArn } from "@/lib/im/arns";
import type { ServiceId } from "@/lib/im/model";
import { jsonRpcOperation, readJsonRpcInput, writeJsonRpcError, writeJsonRpcOutput } from "./json-rpc";
import { matchRestOperation, readRestInput, writeRestError, writeRestOutput } from "./rest-json";
import { readBodyWithin } from "./web-body";
import { checkAuthorization, verifySignedBody, type QueryPairs, type SignedRequest } from "./sigv4";
import { errorInfo, WireError, type WireHeaders, type WireResponse } from "./wire-error";

export type WireHandler = (req: Request) => Promise<Response>;

/**
 * A request as any HTTP server can hand it over without building a Web Request first (the
 * node:http server in server/ does).
 */
export type RawWireRequest = {
  method: string;
  /** The absolute URL, path still percent-encoded as sent. */
  url: string;
  headers: WireHeaders;
  /** Reads the body; may throw the 413 WireError that readBodyLimited makes. */
  readBody(limit: number): Promise<Uint8Array>;
};
export type RawWireHandler = (req: RawWireRequest) => Promise<WireResponse>;

export type WireHandlerOptions = {
  service: ServiceId;
  /** The services a verified caller acts on (the process's `services`, or local ones in tests). */
  resolveServices(caller: Caller): Services | Promise<Services>;
  keys: KeyStore;
  /** The account the callers' principal ARNs belong to. */
  accountId: string;
  /** The region this endpoint serves; signatures scoped to another are refused. */
  region: string;
  now?: () => Date;
  /** Where the endpoint is mounted; the default is `/api/aws/<service>`. */
  basePath?: string;
  /** Bodies past this many bytes are refused before they are read (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * Set when the endpoint must not serve (aws mode: a local key would spend the server's AWS
   * rights): every request is answered 404 with this reason, before anything else is read.
   */
  unavailable?: string;
  /** Where unexpected failures are reported (default console). */
  logger?: Pick<Console, "error">;
};

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function bodyTooLarge(limit: number): WireError {
  return new WireError("RequestEntityTooLargeException", 413, `The request body exceeds ${limit} bytes`);
}

async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw bodyTooLarge(limit);
  return readBodyWithin(req.body, limit, { tooLarge: () => bodyTooLarge(limit) });
}

/** Splits a raw query string into percent-decoded pairs. '+' stays '+': SigV4 clients send %20 for a space. */
function parseQuery(search: string): QueryPairs {
  const pairs: QueryPairs = [];
  for (const part of search.replace(/^\?/, "").split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const [k, v] = eq < 0 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
    try {
      pairs.push([decodeURIComponent(k), decodeURIComponent(v)]);
    } catch {
      throw new WireError("SerializationException", 400, `The query parameter '${part}' is not valid percent-encoding`);
    }
  }
  return pairs;
}

type Invoke = (input: Record<string, unknown>) => Promise<unknown>;

/** The contract method for an AWS operation name (StartIncident → startIncident). */
function contractMethod(service: IncidentsService | ContactsService, operation: string): Invoke {
  const name = operation.charAt(0).toLowerCase() + operation.slice(1);
  // The operation is picked at run time from the model, so its method is looked up by name; the
  // input was read from the same model's input shape, which is what the method's type describes.
  const method = (service as unknown as Record<string, unknown>)[name];
  if (typeof method !== "function") {
    throw new WireError("UnknownOperationException", 404, `${operation} is not part of this service's contract`);
  }
  return (input) => (method as (input: unknown) => Promise<unknown>).call(service, input);
}

/** The endpoint for Web Requests (the Next route handlers and the tests' in-process hosts). */
export function createWireHandler(options: WireHandlerOptions): WireHandler {
  const raw = createRawWireHandler(options);
  return async (req) => {
    const res = await raw({ method: req.method, url: req.url, headers: req.headers, readBody: (limit) => readBody(req, limit) });
    return new Response(res.body, { status: res.status, headers: res.headers });
  };
}

/** The endpoint over RawWireRequest: the same authentication, parsing and answers. */
export function createRawWireHandler(options: WireHandlerOptions): RawWireHandler {
  const { service, keys, accountId, region } = options;
  const now = options.now ?? (() => new Date());
  const basePath = (options.basePath ?? `/api/aws/${service}`).replace(/\/+$/, "");
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? console;
  const rest = service === "ssm-incidents";
  const writeError = rest ? writeRestError : writeJsonRpcError;

  async function handle(req: RawWireRequest): Promise<WireResponse> {
    // The raw path, percent-encoding intact: the client signed it in that form.
    const url = new URL(req.url);
    const path = url.pathname;
    const query = parseQuery(url.search);
    // Unsigned, stale and unknown-key requests are refused on their headers, body unread.
    const pending = await checkAuthorization({ headers: req.headers, query }, { service, region, keys, now: now() });
    const body = await req.readBody(maxBodyBytes);
    const signed: SignedRequest = { method: req.method.toUpperCase(), path, query, headers: req.headers, body };
    const key = await verifySignedBody(signed, pending);
    await recordUse(key);

    if (path !== basePath && !path.startsWith(`${basePath}/`)) {
      throw new WireError("UnknownOperationException", 404, `${path} is not under ${basePath}`);
    }
    const relative = path.slice(basePath.length);
    let operation: string;
    let input: Record<string, unknown>;
    if (rest) {
      const match = matchRestOperation(service, signed.method, relative);
      operation = match.operation;
      authorize(key, operation);
      input = readRestInput(service, operation, { method: signed.method, labels: match.labels, query, headers: req.headers, body });
    } else {
      // awsJson1_1 has one endpoint; the SDK posts to `<endpoint>/`.
      if (relative !== "" && relative !== "/") throw new WireError("UnknownOperationException", 404, `${path} is not an ${service} endpoint; POST to ${basePath}/`);
      operation = jsonRpcOperation(service, signed.method, req.headers);
      authorize(key, operation);
      input = readJsonRpcInput(service, operation, body);
    }

    // Tagging changes the tagged resource: the key needs the right to change that resource.
    const tagged = operation === "TagResource" || operation === "UntagResource" ? (input.resourceArn ?? input.ResourceARN) : undefined;
    if (typeof tagged === "string") authorize(key, operation, permissionForResource(service, tagged));

    const services = await options.resolveServices({ principalArn: principalArn(accountId, key.name) });
    const output = await contractMethod(rest ? services.incidents : services.contacts, operation)(input);
    return rest ? writeRestOutput(service, operation, output) : writeJsonRpcOutput(service, operation, output);
  }

  function authorize(key: ApiKeyCredential, operation: string, permission: Permission = permissionForOperation(service, operation)) {
    if (!can(key.role, permission)) {
      throw new ImError(
        "AccessDeniedException",
        `API key ${key.accessKeyId} (${key.name}, role ${key.role ?? "none"}) is not allowed to call ${operation}${permission === permissionForOperation(service, operation) ? "" : " on this resource"}: it needs ${permission}`,
      );
    }
  }

  async function recordUse(key: ApiKeyCredential) {
    try {
      await keys.touch(key.accessKeyId, now());
    } catch (e) {
      // Bookkeeping only: a failed write must not fail the caller's request.
      logger.error(`[wire] could not record the use of ${key.accessKeyId}`, e);
    }
  }

  return async function wireHandler(req: RawWireRequest): Promise<WireResponse> {
    const requestId = randomUUID();
    let response: WireResponse;
    if (options.unavailable) {
      // 404 in both protocols (awsJson would say 400): the endpoint itself is not there.
      response = { ...writeError(service, errorInfo(new WireError("UnknownOperationException", 404, options.unavailable))), status: 404 };
      response.headers["x-amzn-requestid"] = requestId;
      return response;
    }
    try {
      response = await handle(req);
    } catch (e) {
      const expected = e instanceof WireError || (e instanceof ImError && e.code !== "InternalServerException");
      if (!expected) logger.error(`[wire] ${service} ${req.method} ${req.url} failed (request ${requestId})`, e);
      response = writeError(service, errorInfo(e instanceof WireError ? e : toImError(e)));
    }
    // The SDKs report this as $metadata.requestId, which ties a client's error to the server log.
    response.headers["x-amzn-requestid"] = requestId;
    return response;
  }
}
