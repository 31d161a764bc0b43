// awsJson1_1, the protocol of ssm-contacts: every operation is a POST to the service's root with
// `X-Amz-Target: <targetPrefix>.<Operation>` and a JSON body whose keys are the model's member
// names (PascalCase). Timestamps are epoch seconds. Errors carry `__type` and modeled members.
import { ImError, type ValidationField } from "@/lib/im/errors";
import { modeledErrorStatus, serviceModel, shape, type ServiceId } from "@/lib/im/model";
import { validationError } from "@/lib/im/model/validate";
import { parseJsonBody } from "./rest-json";
import { readJsonShape, writeJsonShape } from "./shapes";
import { WireError, type ErrorInfo, type WireHeaders, type WireResponse } from "./wire-error";

export const JSON_RPC_CONTENT_TYPE = "application/x-amz-json-1.1";

/** The operation X-Amz-Target names, or a 400 UnknownOperationException. */
export function jsonRpcOperation(service: ServiceId, method: string, headers: WireHeaders): string {
  const model = serviceModel(service);
  const prefix = model.metadata.targetPrefix;
  if (method.toUpperCase() !== "POST") {
    throw new WireError("UnknownOperationException", 400, `${service} operations are called with POST, not ${method.toUpperCase()}`);
  }
  const target = headers.get("x-amz-target");
  if (!target) throw new WireError("UnknownOperationException", 400, `Missing X-Amz-Target: send ${prefix}.<Operation>`);
  const dot = target.lastIndexOf(".");
  const operation = target.slice(dot + 1);
  if (target.slice(0, dot) !== prefix || !Object.hasOwn(model.operations, operation)) {
    throw new WireError("UnknownOperationException", 400, `Unknown operation ${target}`);
  }
  return operation;
}

/** The operation's input from the JSON body. */
export function readJsonRpcInput(service: ServiceId, operation: string, body: Uint8Array): Record<string, unknown> {
  const op = serviceModel(service).operations[operation];
  let json: Record<string, unknown>;
  try {
    json = parseJsonBody(body);
  } catch (e) {
    // ssm-contacts models this failure: ValidationException with Reason CANNOT_PARSE.
    if (e instanceof WireError) throw new ImError("ValidationException", e.message, { reason: "CANNOT_PARSE" });
    throw e;
  }
  if (!op.input) return {};
  const problems: ValidationField[] = [];
  const input = readJsonShape(service, op.input.shape, json, "", problems) as Record<string, unknown> | undefined;
  if (problems.length) throw validationError(problems);
  return input ?? {};
}

export function writeJsonRpcOutput(service: ServiceId, operation: string, output: unknown): WireResponse {
  const op = serviceModel(service).operations[operation];
  const body = op.output ? writeJsonShape(service, op.output.shape, output ?? {}, { wholeSeconds: true }) : {};
  return { status: 200, headers: { "content-type": JSON_RPC_CONTENT_TYPE }, body: JSON.stringify(body ?? {}) };
}

/**
 * awsJson1_1 status codes: a modeled error answers the status the service's Smithy model gives it
 * (`httpError`: ssm-contacts' ConflictException 409, ResourceNotFoundException 404,
 * ThrottlingException 429; lib/im/model), as AWS does. The SDKs name the error from `__type`
 * whatever the status. Anything else is 400 when the client is at fault and keeps its 5xx when
 * the server is; authentication keeps 403.
 */
function jsonRpcStatus(service: ServiceId, error: ErrorInfo): number {
  const modeled = modeledErrorStatus(service, error.code);
  if (modeled !== undefined) return modeled;
  if (error.status >= 500 || error.status === 403) return error.status;
  return 400;
}

export function writeJsonRpcError(service: ServiceId, error: ErrorInfo): WireResponse {
  const body: Record<string, unknown> = { __type: error.code, message: error.message, Message: error.message };
  const members = serviceModel(service).shapes[error.code]?.exception ? (shape(service, error.code).members ?? {}) : {};
  const d = error.details;
  const extra: Record<string, unknown> = {
    Reason: error.code === "ValidationException" ? (d.reason ?? (d.fields?.length ? "FIELD_VALIDATION_FAILED" : "OTHER")) : undefined,
    Fields: d.fields?.map((f) => ({ Name: f.name, Message: f.message })),
    ResourceId: d.resourceId,
    ResourceType: d.resourceType,
    QuotaCode: d.quotaCode,
    ServiceCode: d.serviceCode,
    DependentEntities: d.dependentEntities?.map((e) => ({ RelationType: e.relationType, DependentResourceIds: e.dependentResourceIds })),
    RetryAfterSeconds: d.retryAfterSeconds,
  };
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined && name in members) body[name] = value;
  }
  const headers: Record<string, string> = { "content-type": JSON_RPC_CONTENT_TYPE };
  // The model binds RetryAfterSeconds to Retry-After too; awsJson1_1 clients read the body member.
  if (body.RetryAfterSeconds !== undefined) headers["retry-after"] = String(body.RetryAfterSeconds);
  return { status: jsonRpcStatus(service, error), headers, body: JSON.stringify(body) };
}
