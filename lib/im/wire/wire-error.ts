// Errors only the wire layer raises (authentication, routing, parsing). They carry AWS's names for
// these failures, which are not part of the contract's error model (lib/im/errors.ts) because no
// service operation ever throws them.
import { ImError, type ImErrorDetails } from "../errors";

export type WireErrorName =
  | "MissingAuthenticationTokenException"
  | "IncompleteSignatureException"
  | "InvalidSignatureException"
  | "UnrecognizedClientException"
  | "UnknownOperationException"
  | "SerializationException"
  | "RequestEntityTooLargeException";

export class WireError extends Error {
  constructor(
    readonly code: WireErrorName,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** What a protocol needs to render any error. */
export type ErrorInfo = { code: string; status: number; message: string; details: ImErrorDetails };

export function errorInfo(e: ImError | WireError): ErrorInfo {
  if (e instanceof ImError) return { code: e.code, status: e.status, message: e.message, details: e.details };
  return { code: e.code, status: e.status, message: e.message, details: {} };
}

export const authError = (code: Extract<WireErrorName, "MissingAuthenticationTokenException" | "IncompleteSignatureException" | "InvalidSignatureException" | "UnrecognizedClientException">, message: string) =>
  new WireError(code, 403, message);
