// Model-driven conversion between the JSON the wire carries and the values the contract takes:
// timestamps are epoch seconds on the wire and Dates in the contract, blobs are base64 strings;
// everything else keeps its JSON type. Reading checks JSON types against the shape tree and names
// the member that is wrong; the model's constraints (lengths, patterns, enums) are the backend's
// job (lib/im/model/validate.ts), so no limit is checked twice.
import type { ValidationField } from "@/lib/im/errors";
import { shape, type MemberRef, type ServiceId, type Shape } from "@/lib/im/model";

type Problems = ValidationField[];

function describe(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? ` '${value.slice(0, 40)}…'` : ` '${value}'`;
  if (typeof value === "number" || typeof value === "boolean") return ` '${value}'`;
  return "";
}

function mismatch(problems: Problems, path: string, value: unknown, expected: string) {
  problems.push({
    name: path,
    message: `Value${describe(value)} at '${path}' failed to satisfy constraint: Member must be ${expected}`,
  });
}

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const EPOCH = /^-?\d+(\.\d+)?$/;
// Date.parse also accepts loose forms ("March 7"); the wire takes RFC 3339 / ISO 8601 date-times.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A timestamp from epoch seconds (fractions allowed) or an ISO 8601 date-time string. */
export function parseTimestamp(value: unknown): Date | undefined {
  let ms: number;
  if (typeof value === "number") ms = value * 1000;
  else if (typeof value === "string" && EPOCH.test(value)) ms = Number(value) * 1000;
  else if (typeof value === "string" && ISO_DATE_TIME.test(value)) ms = Date.parse(value);
  else return undefined;
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function readScalar(s: Shape, value: unknown, path: string, problems: Problems): unknown {
  switch (s.type) {
    case "string":
      if (typeof value === "string") return value;
      mismatch(problems, path, value, "a string");
      return undefined;
    case "integer":
    case "long":
      if (typeof value === "number" && Number.isSafeInteger(value)) return value;
      mismatch(problems, path, value, "an integer");
      return undefined;
    case "double":
    case "float":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      // JSON has no literals for these; smithy's JSON protocols send them as strings.
      if (value === "NaN") return NaN;
      if (value === "Infinity") return Infinity;
      if (value === "-Infinity") return -Infinity;
      mismatch(problems, path, value, "a number");
      return undefined;
    case "boolean":
      if (typeof value === "boolean") return value;
      mismatch(problems, path, value, "a boolean");
      return undefined;
    case "timestamp": {
      const date = parseTimestamp(value);
      if (date) return date;
      mismatch(problems, path, value, "a timestamp (epoch seconds or an ISO 8601 date-time)");
      return undefined;
    }
    case "blob":
      if (typeof value === "string" && BASE64.test(value)) return Uint8Array.from(Buffer.from(value, "base64"));
      mismatch(problems, path, value, "base64-encoded binary data");
      return undefined;
    default:
      return undefined;
  }
}

/**
 * A JSON value read as `shapeName`: members the shape does not know are dropped, timestamps become
 * Dates, and each JSON type mismatch is added to `problems` under the member's path.
 */
export function readJsonShape(service: ServiceId, shapeName: string, value: unknown, path: string, problems: Problems): unknown {
  // JSON protocols treat null as "not set" (the SDKs never send null for a member).
  if (value === null || value === undefined) return undefined;
  const s = shape(service, shapeName);
  switch (s.type) {
    case "structure": {
      if (!isPlainObject(value)) {
        mismatch(problems, path, value, "an object");
        return undefined;
      }
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(s.members ?? {})) {
        if (!Object.hasOwn(value, name)) continue;
        const v = readJsonShape(service, ref.shape, value[name], join(path, name), problems);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case "list": {
      if (!Array.isArray(value)) {
        mismatch(problems, path, value, "a list");
        return undefined;
      }
      return value.map((item, i) => {
        const itemPath = `${path}[${i}]`;
        if (item === null || item === undefined) {
          problems.push({ name: itemPath, message: `Value null at '${itemPath}' failed to satisfy constraint: Member must not be null` });
          return undefined;
        }
        return readJsonShape(service, s.member!.shape, item, itemPath, problems);
      });
    }
    case "map": {
      if (!isPlainObject(value)) {
        mismatch(problems, path, value, "a map");
        return undefined;
      }
      // A null-prototype object: a map key such as "__proto__" stays an ordinary key.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) {
        const entryPath = `${path}.${k}`;
        if (v === null || v === undefined) {
          problems.push({ name: entryPath, message: `Value null at '${entryPath}' failed to satisfy constraint: Member must not be null` });
          continue;
        }
        out[k] = readJsonShape(service, s.value!.shape, v, entryPath, problems);
      }
      return { ...out };
    }
    default:
      return readScalar(s, value, path, problems);
  }
}

/** A string from a URI label, query string or header read as a scalar shape (restJson1 rules). */
export function readTextShape(service: ServiceId, shapeName: string, text: string, path: string, problems: Problems): unknown {
  const s = shape(service, shapeName);
  switch (s.type) {
    case "string":
      return text;
    case "integer":
    case "long":
      if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
      mismatch(problems, path, text, "an integer");
      return undefined;
    case "double":
    case "float": {
      const n = Number(text);
      if (text.trim() !== "" && !Number.isNaN(n)) return n;
      return readScalar(s, text, path, problems);
    }
    case "boolean":
      if (text === "true" || text === "false") return text === "true";
      mismatch(problems, path, text, "a boolean");
      return undefined;
    case "timestamp":
    case "blob":
      return readScalar(s, text, path, problems);
    default:
      mismatch(problems, path, text, `a ${s.type}`);
      return undefined;
  }
}

export type WriteOptions = {
  /** awsJson1_1 clients of ssm-contacts take whole epoch seconds; restJson1 takes fractions. */
  wholeSeconds: boolean;
};

function epochSeconds(value: unknown, options: WriteOptions): number | undefined {
  const date = value instanceof Date ? value : parseTimestamp(value);
  if (!date) return undefined;
  // Truncate, never round up: a rounded time could lie in the future of the event it stamps.
  return options.wholeSeconds ? Math.floor(date.getTime() / 1000) : date.getTime() / 1000;
}

/** A contract value written as JSON for `shapeName`: only modeled members, no undefined, Dates as epoch seconds. */
// A structure's members as entries, listed once per shape: a list page writes the same structure a
// hundred times, and Object.entries per item was a visible share of its CPU.
const memberEntries = new WeakMap<object, [string, MemberRef][]>();
function membersOf(s: Shape): [string, MemberRef][] {
  let entries = memberEntries.get(s);
  if (!entries) memberEntries.set(s, (entries = Object.entries(s.members ?? {})));
  return entries;
}

export function writeJsonShape(service: ServiceId, shapeName: string, value: unknown, options: WriteOptions): unknown {
  if (value === null || value === undefined) return undefined;
  const s = shape(service, shapeName);
  switch (s.type) {
    case "structure": {
      if (!isPlainObject(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of membersOf(s)) {
        const v = writeJsonShape(service, ref.shape, value[name], options);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case "list":
      if (!Array.isArray(value)) return undefined;
      return value.map((item) => writeJsonShape(service, s.member!.shape, item, options)).filter((v) => v !== undefined);
    case "map": {
      if (!isPlainObject(value)) return undefined;
      const entries: [string, unknown][] = [];
      for (const [k, v] of Object.entries(value)) {
        const w = writeJsonShape(service, s.value!.shape, v, options);
        if (w !== undefined) entries.push([k, w]);
      }
      return Object.fromEntries(entries);
    }
    case "timestamp":
      return epochSeconds(value, options);
    case "blob":
      if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
      return typeof value === "string" ? Buffer.from(value, "utf8").toString("base64") : undefined;
    case "double":
    case "float":
      if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
      return value;
    default:
      return value;
  }
}
