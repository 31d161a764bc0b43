// Validates a value against a shape of the service model: required members, unions, string
// length, pattern and enum, numeric ranges, list and map sizes — every constraint the model
// states, from one place. Messages follow AWS's wording ("Value at 'x' failed to satisfy
// constraint: ...") and name the member's path, so the console can put them on the right field.
import { ImError, type ValidationField } from "../errors";
import { operation, shape, type ServiceId, type Shape } from "./index";

const patternCache = new Map<string, RegExp>();

/** The model's patterns are Java regular expressions; the ones in these models are also valid JS. */
export function compilePattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, "u");
    } catch {
      re = new RegExp(pattern);
    }
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

function checkSize(problems: Problem[], path: string, value: unknown, size: number, s: Shape, unit: "length" | "size") {
  if (s.min !== undefined && size < s.min) {
    fail(problems, path, value, `Member must have ${unit} greater than or equal to ${s.min}`);
  }
  if (s.max !== undefined && size > s.max) {
    fail(problems, path, value, `Member must have ${unit} less than or equal to ${s.max}`);
  }
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
      checkSize(problems, path, value, value.length, s, "length");
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
      checkSize(problems, path, value, value.length, s, "length");
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
      checkSize(problems, path, value, entries.length, s, "size");
      for (const [k, v] of entries) {
        walk(service, s.key!.shape, k, `${path}.${k}(key)`, problems);
        walk(service, s.value!.shape, v, `${path}.${k}`, problems);
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
