// Walks both service models: for every operation, a minimal valid input passes, and for every
// constrained member (required, length, pattern, enum, range, list and map sizes) a violating
// value is refused with a ValidationException that names the member's path.
import { RE2JS } from "re2js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ImError } from "../errors";
import { serviceModel, shape, type ServiceId, type Shape } from "./index";
import { compilePattern, HAND_TRANSLATED, shapeProblems, validateInput } from "./validate";

/** A valid sample for every patterned string shape (a new pattern in the models must be added here). */
const SAMPLES: Record<ServiceId, Record<string, string>> = {
  "ssm-incidents": {
    Arn: "arn:aws:ssm-incidents::000000000000:response-plan/x",
    GeneratedId: "related-item/OTHER/0123456789ABCDEF0123456789ABCDEF",
    ResponsePlanName: "plan-1",
    RoleArn: "arn:aws:iam::000000000000:role/runbook",
    SsmAutomationDocumentNameString: "AWS-Doc",
    SsmContactsArn: "arn:aws:ssm-contacts:us-east-1:000000000000:contact/alias",
    TagKey: "team",
    TagValue: "sre",
  },
  "ssm-contacts": {
    AcceptCode: "123456",
    ActivationCode: "123456",
    ChannelName: "Work email",
    ContactAlias: "alias",
    ContactName: "Jane Doe",
    Content: "content",
    IdempotencyToken: "token-1",
    IncidentId: "arn:aws:ssm-incidents::000000000000:incident-record/p/1",
    Member: "x",
    PaginationToken: "abc",
    Policy: "{}",
    PublicContent: "content",
    PublicSubject: "subject",
    ReceiptInfo: "info",
    RotationName: "rotation",
    Sender: "sender",
    SsmContactsArn: "arn:aws:ssm-contacts:us-east-1:000000000000:contact/alias",
    StopReason: "done",
    Subject: "subject",
    TagKey: "team",
    TagValue: "sre",
    TimeZoneId: "Europe/Paris",
    Uuid: "01234567-89ab-cdef-0123-456789abcdef",
  },
};

const BAD_STRINGS = ["has space!", "   ", "\u0000<>", "aws:reserved", "UPPER CASE", "nothing-like-that"];

function sampleString(service: ServiceId, name: string, s: Shape): string {
  if (s.enum) return s.enum[0];
  if (s.pattern) {
    const v = SAMPLES[service][name];
    if (v === undefined) throw new Error(`add a sample for ${service} ${name} (${s.pattern})`);
    return v;
  }
  return "x".repeat(Math.max(s.min ?? 1, 1));
}

function valid(service: ServiceId, name: string, depth = 0): unknown {
  const s = shape(service, name);
  switch (s.type) {
    case "structure": {
      const members = Object.entries(s.members ?? {});
      if (s.union) {
        const [m, ref] = members[0];
        return { [m]: valid(service, ref.shape, depth + 1) };
      }
      const out: Record<string, unknown> = {};
      for (const req of s.required ?? []) out[req] = valid(service, s.members![req].shape, depth + 1);
      return out;
    }
    case "string":
      return sampleString(service, name, s);
    case "integer":
    case "long":
      return s.min ?? (s.max !== undefined ? Math.min(1, s.max) : 1);
    case "double":
    case "float":
      return 1;
    case "boolean":
      return true;
    case "timestamp":
      return new Date();
    case "blob":
      return "x";
    case "list":
      return Array.from({ length: s.min ?? 0 }, () => valid(service, s.member!.shape, depth + 1));
    case "map":
      return Object.fromEntries(
        Array.from({ length: s.min ?? 0 }, (_, i) => [mapKey(service, s, i), valid(service, s.value!.shape, depth + 1)]),
      );
  }
}

function mapKey(service: ServiceId, s: Shape, i: number): string {
  const keyShape = shape(service, s.key!.shape);
  if (keyShape.enum) return keyShape.enum[i % keyShape.enum.length];
  return `${sampleString(service, s.key!.shape, keyShape)}${i}`;
}

/** Values that break one constraint of a shape each, with the rule they break. */
function violations(service: ServiceId, name: string): { rule: string; value: unknown }[] {
  const s = shape(service, name);
  const out: { rule: string; value: unknown }[] = [];
  if (s.type === "string") {
    if (s.enum) out.push({ rule: "enum", value: "NOT_AN_ENUM_VALUE" });
    if (s.min !== undefined && s.min > 0) out.push({ rule: "min length", value: "" });
    if (s.max !== undefined && s.max < 5000) out.push({ rule: "max length", value: "a".repeat(s.max + 1) });
    if (s.pattern) {
      const re = compilePattern(s.pattern);
      const bad = BAD_STRINGS.find((b) => !re.test(b));
      if (bad !== undefined) out.push({ rule: "pattern", value: bad });
    }
  }
  if (s.type === "integer" || s.type === "long") {
    if (s.min !== undefined) out.push({ rule: "min", value: s.min - 1 });
    if (s.max !== undefined) out.push({ rule: "max", value: s.max + 1 });
    out.push({ rule: "type", value: "not a number" });
  }
  if (s.type === "list") {
    if (s.min !== undefined && s.min > 0) out.push({ rule: "min items", value: [] });
    if (s.max !== undefined && s.max < 200) {
      out.push({ rule: "max items", value: Array.from({ length: s.max + 1 }, () => valid(service, s.member!.shape)) });
    }
  }
  if (s.type === "map") {
    const keyShape = shape(service, s.key!.shape);
    if (s.min !== undefined && s.min > 0) out.push({ rule: "min entries", value: {} });
    const distinctKeys = keyShape.enum ? keyShape.enum.length : Infinity;
    if (s.max !== undefined && s.max < 200 && s.max + 1 <= distinctKeys) {
      out.push({
        rule: "max entries",
        value: Object.fromEntries(Array.from({ length: s.max + 1 }, (_, i) => [mapKey(service, s, i), valid(service, s.value!.shape)])),
      });
    }
  }
  if (s.type === "boolean") out.push({ rule: "type", value: "yes" });
  if (s.type === "timestamp") out.push({ rule: "type", value: "yesterday" });
  return out;
}

type Case = { operation: string; path: string; rule: string; input: Record<string, unknown> };

/** Every (member path, broken rule) of an operation's input, down to nested structures. */
function cases(service: ServiceId, operation: string, inputShape: string): Case[] {
  const base = valid(service, inputShape) as Record<string, unknown>;
  const out: Case[] = [];
  const visit = (structName: string, path: string[], parentValue: Record<string, unknown>, setIn: (v: Record<string, unknown>) => Record<string, unknown>, seen: Set<string>) => {
    const s = shape(service, structName);
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      const memberPath = [...path, member];
      const dotted = memberPath.join(".");
      const build = (value: unknown) => {
        const parent = { ...parentValue };
        if (s.union) for (const k of Object.keys(parent)) delete parent[k];
        if (value === undefined) delete parent[member];
        else parent[member] = value;
        return setIn(parent);
      };
      if ((s.required ?? []).includes(member)) out.push({ operation, path: dotted, rule: "required", input: build(undefined) });
      for (const v of violations(service, ref.shape)) out.push({ operation, path: dotted, rule: v.rule, input: build(v.value) });
      const child = shape(service, ref.shape);
      if (child.type === "structure" && !seen.has(ref.shape) && memberPath.length < 6) {
        const childValue = (parentValue[member] as Record<string, unknown> | undefined) ?? (valid(service, ref.shape) as Record<string, unknown>);
        visit(ref.shape, memberPath, childValue, (v) => build(v), new Set([...seen, ref.shape]));
      }
      if (child.type === "list" && memberPath.length < 6) {
        const itemShape = shape(service, child.member!.shape);
        if (itemShape.type === "structure" && !seen.has(child.member!.shape)) {
          const item = valid(service, child.member!.shape) as Record<string, unknown>;
          visit(child.member!.shape, [...path, `${member}[0]`], item, (v) => build([v]), new Set([...seen, child.member!.shape]));
        }
      }
    }
  };
  visit(inputShape, [], base, (v) => v, new Set([inputShape]));
  return out;
}

for (const service of ["ssm-incidents", "ssm-contacts"] as const) {
  describe(`${service} model validation`, () => {
    const model = serviceModel(service);
    const ops = Object.entries(model.operations).filter(([, op]) => op.input);

    it.each(ops.map(([name]) => name))("%s: a minimal valid input passes", (name) => {
      const input = valid(service, model.operations[name].input!.shape);
      expect(() => validateInput(service, name, input)).not.toThrow();
    });

    const all = ops.flatMap(([name, op]) => cases(service, name, op.input!.shape));
    it("covers every constrained member", () => {
      expect(all.length).toBeGreaterThan(service === "ssm-incidents" ? 150 : 250);
    });

    it.each(all.map((c) => [c.operation, c.path, c.rule, c] as const))("%s: %s (%s) is refused", (_op, path, _rule, c) => {
      let error: unknown;
      try {
        validateInput(service, c.operation, c.input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImError);
      const err = error as ImError;
      expect(err.code).toBe("ValidationException");
      expect(err.status).toBe(400);
      expect(err.details.fields?.map((f) => f.name)).toContain(path);
      expect(err.message).toContain(`'${path}'`);
    });
  });
}

/** Every patterned string shape of both models. */
const PATTERNED = (["ssm-incidents", "ssm-contacts"] as const).flatMap((service) =>
  Object.entries(serviceModel(service).shapes)
    .filter(([, s]) => s.type === "string" && s.pattern)
    .map(([name, s]) => ({ service, name, shape: s as Shape & { pattern: string } })),
);

describe("model patterns run on a linear-time engine", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(PATTERNED.map((p) => [p.service, p.name, p.shape.pattern] as const))("%s %s compiles on RE2 or has a hand translation", (_service, _name, pattern) => {
    let rejected: unknown;
    try {
      RE2JS.compile(pattern);
    } catch (e) {
      rejected = e;
    }
    // Hand translations exist for exactly the patterns RE2 refuses.
    expect(Boolean(rejected)).toBe(pattern in HAND_TRANSLATED);
    expect(() => compilePattern(pattern)).not.toThrow();
  });

  it("every hand translation is used by a model pattern", () => {
    const patterns = new Set(PATTERNED.map((p) => p.shape.pattern));
    for (const pattern of Object.keys(HAND_TRANSLATED)) expect(patterns.has(pattern)).toBe(true);
  });

  const TAG_KEY_SAMPLES = ["team", "aws:x", "aws:", "AWS:x", "aws", "awsx:y", " aws:", "a:aws:", "x/y+z=1@2.3", "a,b", "", "é", "tab\t", "aws-x", "-", "a".repeat(128)];
  it.each(Object.keys(HAND_TRANSLATED))("the hand translation of %s agrees with the original on samples", (pattern) => {
    const original = new RegExp(pattern, "u");
    const translated = compilePattern(pattern);
    for (const sample of TAG_KEY_SAMPLES) expect([sample, translated.test(sample)]).toEqual([sample, original.test(sample)]);
  });

  it.each(PATTERNED.filter((p) => p.shape.max !== undefined).map((p) => [p.service, p.name, p] as const))(
    "%s %s: an over-long value is refused on its length and its pattern never runs",
    (_service, _name, { service, name, shape: s }) => {
      compilePattern(s.pattern);
      const test = vi.spyOn(RE2JS.prototype, "test");
      const problems = shapeProblems(service, name, " ".repeat(s.max! + 1), "v");
      expect(problems.map((p) => p.message)).toEqual([expect.stringContaining(`less than or equal to ${s.max}`)]);
      expect(test).not.toHaveBeenCalled();
    },
  );

  it("the longest Policy the model allows is checked by the pattern (refused when it is all spaces)", () => {
    const max = shape("ssm-contacts", "Policy").max!;
    expect(shapeProblems("ssm-contacts", "Policy", " ".repeat(max), "Policy").map((p) => p.message)).toEqual([
      expect.stringContaining("regular expression pattern"),
    ]);
    expect(shapeProblems("ssm-contacts", "Policy", " ".repeat(max - 2) + "{}", "Policy")).toEqual([]);
  });
});

describe("hostile sizes", () => {
  it("a megabyte-long map key is named, shortened, in a short message", () => {
    let error: unknown;
    try {
      validateInput("ssm-incidents", "TagResource", { resourceArn: "arn:aws:ssm-incidents::000000000000:response-plan/x", tags: { ["k".repeat(1 << 20)]: "v" } });
    } catch (e) {
      error = e;
    }
    const err = error as ImError;
    expect(err.code).toBe("ValidationException");
    expect(err.message).toContain("less than or equal to 128");
    expect(err.message.length).toBeLessThan(2000);
  });
});
