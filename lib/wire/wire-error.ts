// Errors only the wire layer raises (authentication, routing, parsing). They carry AWS's names for
// these failures, which are not part of the contract's error model (lib/im/errors.ts) because no
// service operation ever throws them.
import { ImError, type ImErrorDetails } from "@/lib/im/errors";

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

/**
 * A response before any server's types: the Web entry turns it into a Response, the node:http
 * server writes it as is (building a Web Response per call cost it ~20–35 µs).
 */
export type WireResponse = { status: number; headers: Record<string, string>; body: string | null };

/** The header reads the wire layer does (a Web Headers object, or a view over node's headers). */
export type WireHeaders = {
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(callback: (value: string, name: string) => void): void;
};
