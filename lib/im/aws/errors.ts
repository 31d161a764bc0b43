// Maps AWS SDK errors onto the console's error model, so the console shows the same error
// whichever backend answered.
import type { Out } from "../contract";
import { ERROR_STATUS, ImError, type ImErrorDetails, type ImErrorName } from "../errors";

type SdkError = Error & {
  $metadata?: { httpStatusCode?: number };
  $fault?: "client" | "server";
  message: string;
  resourceIdentifier?: string;
  resourceType?: string;
  ResourceId?: string;
  ResourceType?: string;
  Reason?: ImErrorDetails["reason"];
  Fields?: { Name?: string; Message?: string }[];
  quotaCode?: string;
  QuotaCode?: string;
  serviceCode?: string;
  ServiceCode?: string;
  DependentEntities?: { RelationType?: string; DependentResourceIds?: string[] }[];
  RetryAfterSeconds?: number;
};

const AUTH_ERRORS = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  "AccessDenied",
  "CredentialsProviderError",
]);

function fromAwsError(e: unknown): ImError {
  if (e instanceof ImError) return e;
  if (!(e instanceof Error)) return new ImError("InternalServerException", String(e));
  const err = e as SdkError;
  const details: ImErrorDetails = {
    resourceId: err.resourceIdentifier ?? err.ResourceId,
    resourceType: err.resourceType ?? err.ResourceType,
    reason: err.Reason,
    fields: err.Fields?.map((f) => ({ name: f.Name ?? "", message: f.Message ?? "" })),
    quotaCode: err.quotaCode ?? err.QuotaCode,
    serviceCode: err.serviceCode ?? err.ServiceCode,
    dependentEntities: err.DependentEntities?.map((d) => ({ relationType: d.RelationType ?? "", dependentResourceIds: d.DependentResourceIds ?? [] })),
    retryAfterSeconds: err.RetryAfterSeconds,
  };
  if (err.name in ERROR_STATUS) return new ImError(err.name as ImErrorName, err.message, details);
  if (AUTH_ERRORS.has(err.name)) {
    return new ImError("AccessDeniedException", `AWS refused the credentials (${err.name}): ${err.message}`);
  }
  const status = err.$metadata?.httpStatusCode;
  if (status === 400) return new ImError("ValidationException", `${err.name}: ${err.message}`, details);
  if (status === 403) return new ImError("AccessDeniedException", `${err.name}: ${err.message}`);
  if (status === 404) return new ImError("ResourceNotFoundException", `${err.name}: ${err.message}`, details);
  // Both services' models give these statuses to one error each (ssm-contacts' Smithy model too).
  if (status === 409) return new ImError("ConflictException", `${err.name}: ${err.message}`, details);
  if (status === 429) return new ImError("ThrottlingException", `${err.name}: ${err.message}`, details);
  return new ImError("InternalServerException", `AWS request failed (${err.name}): ${err.message}`);
}

/** One SDK call as the contract answers it: the output without the SDK's $metadata, errors as ImErrors. */
export async function awsCall<T extends { $metadata: unknown }>(request: () => Promise<T>): Promise<Out<T>> {
  try {
    const { $metadata: _metadata, ...output } = await request();
    return output;
  } catch (e) {
    throw fromAwsError(e);
  }
}
