// Validates a value against a shape of the service model: required members, unions, string
// length, pattern and enum, numeric ranges, list and map sizes — every constraint the model
// states, from one place. Messages follow AWS's wording ("Value at 'x' failed to satisfy
// constraint: ...") and name the member's path, so the console can put them on the right field.
import { RE2JS } from "re2js";
import { ImError, type ValidationField } from "../errors";
import { operation, shape, type ServiceId, type Shape } from "./index";

/** A compiled model pattern: `test` searches the value as Java's and JavaScript's `find` do. */
export type Pattern = { test(value: string): boolean };

/**
 * The one pattern of these models that RE2 cannot take: ssm-incidents TagKey's negative lookahead.
 * Written out by hand — "does not start with aws:" and the rest on the linear engine — and held
 * equal to the original (run by JavaScript's engine) on samples by validate.test.ts.
 */
export const HAND_TRANSLATED: Record<string, (compile: (p: string) => Pattern) => Pattern> = {
  "^(?!aws:)[A-Za-z0-9 _=@:.+-/]+$": (compile) => {
    const rest = compile("^[A-Za-z0-9 _=@:.+-/]+$");
    return { test: (value) => !value.startsWith("aws:") && rest.test(value) };
  },
};

/** On re2js, whose time is linear in the value's length whatever the pattern. */
function compileLinear(pattern: string): Pattern {
  const re = RE2JS.compile(pattern);
  // `test` runs RE2's DFA (no submatches needed): a few milliseconds for the longest value a
  // model allows (Policy, 395,000 characters).
  return { test: (value) => re.test(value) };
}

const patternCache = new Map<string, Pattern>();

/**
 * A model pattern, compiled once. The model's patterns are Java regular expressions; some
 * backtrack badly on JavaScript's engine (ssm-contacts Policy's `.*\S.*` is quadratic: a 900 KB
 * value of spaces held the process for minutes), so every one runs on RE2 (re2js), which has no
 * backtracking.
 */
export function compilePattern(pattern: string): Pattern {
  let re = patternCache.get(pattern);
  if (!re) {
    const translate = HAND_TRANSLATED[pattern];
    re = translate ? translate(compileLinear) : compileLinear(pattern);
    patternCache.set(pattern, re);
  }
  return re;
}

type Problem = ValidationField;

function describe(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? `'${value.slice(0, 40)}…'` : `'${value}'`;
  if (typeof value === "number" || typeof value === "boolean") return `'${value}'`;
  return "";
}

function fail(problems: Problem[], path: string, value: unknown, rule: string) {
  const shown = describe(value);
  problems.push({
    name: path,
    message: `Value${shown ? " " + shown : ""} at '${path}' failed to satisfy constraint: ${rule}`,
  });
}

/** Adds the size problems of `value`; false when it is over its maximum. */
function checkSize(problems: Problem[], path: string, value: unknown, size: number, s: Shape, unit: "length" | "size"): boolean {
  if (s.min !== undefined && size < s.min) {
    fail(problems, path, value, `Member must have ${unit} greater than or equal to ${s.min}`);
  }
  if (s.max !== undefined && size > s.max) {
    fail(problems, path, value, `Member must have ${unit} less than or equal to ${s.max}`);
    return false;
  }
  return true;
}

function walk(service: ServiceId, shapeName: string, value: unknown, path: string, problems: Problem[]) {
  if (value === undefined || value === null) return;
  const s = shape(service, shapeName);
  switch (s.type) {
    case "structure": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
        fail(problems, path, value, "Member must be an object");
        return;
      }
      const obj = value as Record<string, unknown>;
      const members = s.members ?? {};
      for (const req of s.required ?? []) {
        if (obj[req] === undefined || obj[req] === null) {
          problems.push({ name: join(path, req), message: `Value null at '${join(path, req)}' failed to satisfy constraint: Member must not be null` });
        }
      }
      if (s.union) {
        const set = Object.keys(members).filter((k) => obj[k] !== undefined && obj[k] !== null);
        if (set.length !== 1) {
          problems.push({
            name: path,
            message: `Value at '${path}' failed to satisfy constraint: Exactly one of ${Object.keys(members).join(", ")} must be set`,
          });
        }
      }
      for (const [name, ref] of Object.entries(members)) {
        walk(service, ref.shape, obj[name], join(path, name), problems);
      }
      return;
    }
    case "string": {
      if (typeof value !== "string") {
        fail(problems, path, value, "Member must be a string");
        return;
      }
      // Length first: an over-long value is refused on its length alone, and no pattern ever
      // runs on more than the model allows.
      if (!checkSize(problems, path, value, value.length, s, "length")) return;
      if (s.enum && !s.enum.includes(value)) {
        fail(problems, path, value, `Member must satisfy enum value set: [${s.enum.join(", ")}]`);
      } else if (s.pattern && !compilePattern(s.pattern).test(value)) {
        fail(problems, path, value, `Member must satisfy regular expression pattern: ${s.pattern}`);
      }
      return;
    }
    case "integer":
    case "long": {
      if (typeof value !== "number" || !Number.isInteger(value)) {
        fail(problems, path, value, "Member must be an integer");
        return;
      }
      if (s.min !== undefined && value < s.min) fail(problems, path, value, `Member must have value greater than or equal to ${s.min}`);
      if (s.max !== undefined && value > s.max) fail(problems, path, value, `Member must have value less than or equal to ${s.max}`);
      return;
    }
    case "double":
    case "float": {
      if (typeof value !== "number" || !Number.isFinite(value)) fail(problems, path, value, "Member must be a number");
      return;
    }
    case "boolean": {
      if (typeof value !== "boolean") fail(problems, path, value, "Member must be a boolean");
      return;
    }
    case "timestamp": {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(problems, path, value, "Member must be a timestamp");
      return;
    }
    case "blob": {
      if (!(value instanceof Uint8Array) && typeof value !== "string") fail(problems, path, value, "Member must be binary data");
      return;
    }
    case "list": {
      if (!Array.isArray(value)) {
        fail(problems, path, value, "Member must be a list");
        return;
      }
      // An over-long list is refused as a whole, without walking its items.
      if (!checkSize(problems, path, value, value.length, s, "length")) return;
      value.forEach((item, i) => {
        if (item === null || item === undefined) {
          problems.push({ name: `${path}[${i}]`, message: `Value null at '${path}[${i}]' failed to satisfy constraint: Member must not be null` });
        } else walk(service, s.member!.shape, item, `${path}[${i}]`, problems);
      });
      return;
    }
    case "map": {
      if (typeof value !== "object" || Array.isArray(value)) {
        fail(problems, path, value, "Member must be a map");
        return;
      }
      const entries = Object.entries(value as Record<string, unknown>);
      if (!checkSize(problems, path, value, entries.length, s, "size")) return;
      for (const [k, v] of entries) {
        // A key becomes part of the member's path, and the path is in the message twice: a
        // megabyte-long key is shortened there (its own length problem still names it).
        const shown = k.length > 128 ? `${k.slice(0, 128)}…` : k;
        walk(service, s.key!.shape, k, `${path}.${shown}(key)`, problems);
        walk(service, s.value!.shape, v, `${path}.${shown}`, problems);
      }
      return;
    }
  }
}

function join(path: string, name: string) {
  return path ? `${path}.${name}` : name;
}

/** Every constraint problem of `value` against `shapeName` (empty when valid). */
export function shapeProblems(service: ServiceId, shapeName: string, value: unknown, path = ""): ValidationField[] {
  const problems: Problem[] = [];
  walk(service, shapeName, value, path, problems);
  return problems;
}

export function validationError(problems: ValidationField[]): ImError {
  const n = problems.length;
  const message = `${n} validation error${n === 1 ? "" : "s"} detected: ${problems.map((p) => p.message).join("; ")}`;
  return new ImError("ValidationException", message, { reason: "FIELD_VALIDATION_FAILED", fields: problems });
}

/** Throws a ValidationException naming every invalid member of an operation's input. */
export function validateInput(service: ServiceId, operationName: string, input: unknown): void {
  const op = operation(service, operationName);
  if (!op.input) return;
  const problems = shapeProblems(service, op.input.shape, input ?? {});
  if (problems.length) throw validationError(problems);
}
