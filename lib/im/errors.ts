// The one error model. Every failure that a caller may see carries an AWS exception name and its
// HTTP status; the local backend throws these, the AWS backend maps SDK errors onto them, the wire
// layer renders them in each protocol's shape, and the console shows their message. Anything
// else is an unexpected failure: logged, and shown as a generic InternalServerException.
// The statuses are the ones both services' models give each error (lib/im/model/index.test.ts).

export const ERROR_STATUS = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
  DataEncryptionException: 400,
  InternalServerException: 500,
  // Not an AWS exception: an operation a backend does not implement (every operation of both
  // services is implemented locally today; the name stays for the wire's sake).
  NotImplementedException: 501,
} as const;

export type ImErrorName = keyof typeof ERROR_STATUS;

export type ValidationField = { name: string; message: string };

export type ImErrorDetails = {
  resourceId?: string;
  resourceType?: string;
  /** ssm-contacts ValidationException.Reason */
  reason?: "UNKNOWN_OPERATION" | "CANNOT_PARSE" | "FIELD_VALIDATION_FAILED" | "OTHER";
  /** ssm-contacts ValidationException.Fields */
  fields?: ValidationField[];
  quotaCode?: string;
  serviceCode?: string;
  /** ssm-contacts ConflictException.DependentEntities: what still uses the resource. */
  dependentEntities?: { relationType: string; dependentResourceIds: string[] }[];
  /** ssm-contacts ThrottlingException / InternalServerException.RetryAfterSeconds */
  retryAfterSeconds?: number;
};

export class ImError extends Error {
  readonly status: number;
  constructor(
    readonly code: ImErrorName,
    message: string,
    readonly details: ImErrorDetails = {},
  ) {
    super(message);
    this.name = code;
    this.status = ERROR_STATUS[code];
  }
}

export const validation = (message: string, fields?: ValidationField[]) =>
  new ImError("ValidationException", message, {
    reason: fields?.length ? "FIELD_VALIDATION_FAILED" : "OTHER",
    fields,
  });

export const notFound = (resourceType: string, resourceId: string, message?: string) =>
  new ImError("ResourceNotFoundException", message ?? `${resourceType} ${resourceId} does not exist`, {
    resourceType,
    resourceId,
  });

export const conflict = (resourceType: string, resourceId: string, message: string) =>
  new ImError("ConflictException", message, { resourceType, resourceId });

export const accessDenied = (message = "You are not allowed to perform this action") =>
  new ImError("AccessDeniedException", message);

export function isImError(e: unknown): e is ImError {
  return e instanceof ImError;
}

/**
 * An error as the console shows it: expected errors keep their name and message; anything else
 * becomes a generic InternalServerException (and is logged by the caller).
 */
export function toImError(e: unknown): ImError {
  if (e instanceof ImError) return e;
  return new ImError("InternalServerException", "The request failed unexpectedly. Try again; if it keeps failing, check the server log.");
}
