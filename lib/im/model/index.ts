// The AWS service models (botocore JSON, Apache-2.0; documentation stripped by
// scripts/import-models.mjs). They are the single source of every limit, pattern, enum and HTTP
// binding: validation, the wire protocols and form rules all read them from here.
import incidentsModel from "./ssm-incidents.json";
import contactsModel from "./ssm-contacts.json";
import contactsErrors from "./ssm-contacts.errors.json";

export type ServiceId = "ssm-incidents" | "ssm-contacts";

export type MemberRef = {
  shape: string;
  location?: "uri" | "querystring" | "header" | "headers" | "statusCode";
  locationName?: string;
  idempotencyToken?: boolean;
  jsonvalue?: boolean;
};

export type Shape = {
  type: "structure" | "string" | "integer" | "long" | "boolean" | "timestamp" | "list" | "map" | "blob" | "double" | "float";
  members?: Record<string, MemberRef>;
  required?: string[];
  union?: boolean;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  error?: { httpStatusCode?: number };
  timestampFormat?: string;
  sensitive?: boolean;
};

export type Operation = {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  idempotent?: boolean;
};

export type ServiceModel = {
  metadata: Record<string, string>;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
};

const MODELS: Record<ServiceId, ServiceModel> = {
  "ssm-incidents": incidentsModel as unknown as ServiceModel,
  "ssm-contacts": contactsModel as unknown as ServiceModel,
};

/**
 * Error statuses the botocore model leaves out, from AWS's Smithy model (`smithy.api#httpError`),
 * extracted by scripts/extract-smithy-errors.mjs. ssm-contacts' botocore JSON gives none; the
 * ssm-incidents one has them all (`error.httpStatusCode`), the same as its Smithy model.
 */
const SMITHY_ERRORS: Partial<Record<ServiceId, Record<string, { status: number; fault: string }>>> = {
  "ssm-contacts": contactsErrors.errors,
};

export function serviceModel(service: ServiceId): ServiceModel {
  return MODELS[service];
}

export function shape(service: ServiceId, name: string): Shape {
  const s = MODELS[service].shapes[name];
  if (!s) throw new Error(`${service} has no shape ${name}`);
  return s;
}

/**
 * A shape's `max` (characters of a string, members of a list, entries of a map), for code that
 * states a limit: a form field, a cut to fit, a quota. A shape without one is a mistake in the
 * caller, not "no limit", so it throws.
 */
export function maxOf(service: ServiceId, shapeName: string): number {
  const max = shape(service, shapeName).max;
  if (max === undefined) throw new Error(`${service} gives ${shapeName} no max`);
  return max;
}

/** maxOf the shape an operation's input member uses: `memberMax("ssm-contacts", "StopEngagementRequest", "Reason")`. */
export function memberMax(service: ServiceId, structure: string, member: string): number {
  const ref = shape(service, structure).members?.[member];
  if (!ref) throw new Error(`${service} ${structure} has no member ${member}`);
  return maxOf(service, ref.shape);
}

export function operation(service: ServiceId, name: string): Operation {
  const op = MODELS[service].operations[name];
  if (!op) throw new Error(`${service} has no operation ${name}`);
  return op;
}

/**
 * The HTTP status AWS answers one of the service's modeled errors with: the model's
 * `error.httpStatusCode`, else the Smithy model's `httpError`. Undefined for a name the service
 * does not model (wire-level errors, NotImplementedException): the protocol decides those.
 */
export function modeledErrorStatus(service: ServiceId, code: string): number | undefined {
  const s = MODELS[service].shapes[code];
  if (!s?.exception) return undefined;
  return s.error?.httpStatusCode ?? SMITHY_ERRORS[service]?.[code]?.status;
}
