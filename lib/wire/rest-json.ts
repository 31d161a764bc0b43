// restJson1, the protocol of ssm-incidents, read from the service model: each operation's
// method + requestUri picks it, its input members come from URI labels, the query string, headers
// and the JSON body as their `location` says, and its output is JSON with the status the model
// gives. Errors carry their name in `x-amzn-errortype` and modeled members in the body.
import type { ValidationField } from "@/lib/im/errors";
import { modeledErrorStatus, serviceModel, shape, type MemberRef, type ServiceId } from "@/lib/im/model";
import { validationError } from "@/lib/im/model/validate";
import { readJsonShape, readTextShape, writeJsonShape } from "./shapes";
import type { QueryPairs } from "./sigv4";
import { WireError, type ErrorInfo, type WireHeaders, type WireResponse } from "./wire-error";

type Segment = { literal: string } | { label: string; greedy: boolean };
type Route = { operation: string; method: string; segments: Segment[] };

const routeTables = new Map<ServiceId, Route[]>();

function routes(service: ServiceId): Route[] {
  let table = routeTables.get(service);
  if (!table) {
    table = Object.values(serviceModel(service).operations).map((op) => ({
      operation: op.name,
      method: op.http.method.toUpperCase(),
      segments: op.http.requestUri
        .split("?")[0]
        .split("/")
        .filter(Boolean)
        .map((seg): Segment => {
          const m = /^\{([^}]+?)(\+)?\}$/.exec(seg);
          return m ? { label: m[1], greedy: Boolean(m[2]) } : { literal: seg };
        }),
    }));
    // Literal segments beat labels, so a future `/tags/list` would not be taken for `/tags/{arn}`.
    table.sort((a, b) => countLiterals(b) - countLiterals(a));
    routeTables.set(service, table);
  }
  return table;
}

const countLiterals = (r: Route) => r.segments.filter((s) => "literal" in s).length;

function decodeLabel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new WireError("SerializationException", 400, `The path segment '${raw}' is not valid percent-encoding`);
  }
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | null {
  const labels: Record<string, string> = {};
  let i = 0;
  for (const [n, seg] of route.segments.entries()) {
    if ("literal" in seg) {
      if (parts[i] !== seg.literal) return null;
      i++;
    } else if (seg.greedy) {
      const rest = route.segments.length - n - 1;
      const take = parts.slice(i, parts.length - rest);
      if (!take.length) return null;
      labels[seg.label] = take.map(decodeLabel).join("/");
      i += take.length;
    } else {
      if (parts[i] === undefined || parts[i] === "") return null;
      labels[seg.label] = decodeLabel(parts[i]);
      i++;
    }
  }
  return i === parts.length ? labels : null;
}

export type RestMatch = { operation: string; labels: Record<string, string> };

/**
 * The operation `method` + `path` (raw, relative to the service's base path) names, or a 404
 * UnknownOperationException.
 */
export function matchRestOperation(service: ServiceId, method: string, path: string): RestMatch {
  const parts = path.split("/").filter(Boolean);
  const upper = method.toUpperCase();
  for (const route of routes(service)) {
    if (route.method !== upper) continue;
    const labels = matchSegments(route, parts);
    if (labels) return { operation: route.operation, labels };
  }
  throw new WireError("UnknownOperationException", 404, `No ${service} operation matches ${upper} /${parts.join("/")}`);
}

export type RestRequestParts = { method: string; labels: Record<string, string>; query: QueryPairs; headers: WireHeaders; body: Uint8Array };

/** Parses a JSON request body: empty means no members; anything but an object is a SerializationException. */
export function parseJsonBody(body: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new WireError("SerializationException", 400, "The request body is not valid UTF-8");
  }
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new WireError("SerializationException", 400, `The request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new WireError("SerializationException", 400, "The request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

function readLocated(service: ServiceId, name: string, ref: MemberRef, values: string[], problems: ValidationField[]): unknown {
  if (!values.length) return undefined;
  const s = shape(service, ref.shape);
  if (s.type === "list") {
    return values.map((v, i) => readTextShape(service, s.member!.shape, v, `${name}[${i}]`, problems));
  }
  return readTextShape(service, ref.shape, values[0], name, problems);
}

/** The operation's input, built from every part of the request its members are bound to. */
export function readRestInput(service: ServiceId, operation: string, parts: RestRequestParts): Record<string, unknown> {
  const op = serviceModel(service).operations[operation];
  const input: Record<string, unknown> = {};
  if (!op.input) return input;
  const problems: ValidationField[] = [];
  const bodyMembers: [string, MemberRef][] = [];
  for (const [name, ref] of Object.entries(shape(service, op.input.shape).members ?? {})) {
    const wireName = ref.locationName ?? name;
    let value: unknown;
    switch (ref.location) {
      case "uri":
        value = wireName in parts.labels ? readTextShape(service, ref.shape, parts.labels[wireName], name, problems) : undefined;
        break;
      case "querystring":
        value = readLocated(service, name, ref, parts.query.filter(([k]) => k === wireName).map(([, v]) => v), problems);
        break;
      case "header": {
        const h = parts.headers.get(wireName);
        value = h === null ? undefined : readLocated(service, name, ref, shape(service, ref.shape).type === "list" ? h.split(",").map((v) => v.trim()) : [h], problems);
        break;
      }
      case "headers": {
        const prefix = wireName.toLowerCase();
        const map: Record<string, string> = {};
        parts.headers.forEach((v, k) => {
          if (k.startsWith(prefix)) map[k.slice(prefix.length)] = v;
        });
        value = Object.keys(map).length ? map : undefined;
        break;
      }
      default:
        bodyMembers.push([name, ref]);
    }
    if (value !== undefined) input[name] = value;
  }
  if (bodyMembers.length && parts.method !== "GET" && parts.method !== "HEAD") {
    const json = parseJsonBody(parts.body);
    for (const [name, ref] of bodyMembers) {
      if (!Object.hasOwn(json, name)) continue;
      const value = readJsonShape(service, ref.shape, json[name], name, problems);
      if (value !== undefined) input[name] = value;
    }
  }
  if (problems.length) throw validationError(problems);
  return input;
}

const JSON_CONTENT_TYPE = "application/json";

/** The operation's success response: the model's status, body members as JSON (204: no body). */
export function writeRestOutput(service: ServiceId, operation: string, output: unknown): WireResponse {
  const op = serviceModel(service).operations[operation];
  const status = op.http.responseCode ?? 200;
  // Header names lowercased, as a Headers object would keep them (the last of two spellings wins).
  const headers: Record<string, string> = { "content-type": JSON_CONTENT_TYPE };
  const body: Record<string, unknown> = {};
  const out = (typeof output === "object" && output !== null ? output : {}) as Record<string, unknown>;
  for (const [name, ref] of Object.entries(op.output ? (shape(service, op.output.shape).members ?? {}) : {})) {
    const value = out[name];
    if (value === undefined || value === null) continue;
    if (ref.location === "header") headers[(ref.locationName ?? name).toLowerCase()] = String(value instanceof Date ? value.toUTCString() : value);
    else if (ref.location === "headers" && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) headers[`${ref.locationName ?? ""}${k}`.toLowerCase()] = String(v);
    } else if (ref.location !== "statusCode") {
      const json = writeJsonShape(service, ref.shape, value, { wholeSeconds: false });
      if (json !== undefined) body[name] = json;
    }
  }
  if (status === 204) {
    delete headers["content-type"];
    return { status, headers, body: null };
  }
  return { status, headers, body: JSON.stringify(body) };
}

/** An error as restJson1 clients read it: `x-amzn-errortype` + `{"message", ...modeled members}`. */
export function writeRestError(service: ServiceId, error: ErrorInfo): WireResponse {
  const body: Record<string, unknown> = { message: error.message };
  // Only the members the model gives this exception; unknown names (NotImplemented, wire errors) carry a message.
  const members = serviceModel(service).shapes[error.code]?.exception ? (shape(service, error.code).members ?? {}) : {};
  const extra: Record<string, string | undefined> = {
    resourceIdentifier: error.details.resourceId,
    resourceType: error.details.resourceType,
    quotaCode: error.details.quotaCode,
    serviceCode: error.details.serviceCode,
  };
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined && name in members) body[name] = value;
  }
  // restJson1 answers each modeled error with the model's status (ssm-incidents' botocore model
  // has them, matching its Smithy model); other errors keep their own.
  const status = modeledErrorStatus(service, error.code) ?? error.status;
  return { status, headers: { "content-type": JSON_CONTENT_TYPE, "x-amzn-errortype": error.code }, body: JSON.stringify(body) };
}
