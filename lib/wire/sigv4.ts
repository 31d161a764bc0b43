// AWS Signature Version 4 verification for the AWS-compatible endpoints (DESIGN.md, "The
// AWS-compatible endpoints"). The signature is recomputed over exactly the headers the request
// says it signed, with the canonical request built by @smithy/signature-v4, the SDK's own signer:
// the JS SDK, botocore (AWS CLI) and other SDKs sign different header sets, and all of them must
// verify.
import "server-only";
import { createHmac, hash, timingSafeEqual } from "node:crypto";
import type { HttpRequest } from "@smithy/protocol-http";
import { getCanonicalHeaders, SignatureV4Base } from "@smithy/signature-v4";
import type { ApiKeyCredential, KeyStore, SigningSecret } from "@/lib/api-keys/key-store";
import type { ServiceId } from "@/lib/im/model";
import { authError, type WireHeaders } from "./wire-error";

/** Query parameters, percent-decoded, in the order sent (repeated keys repeat). */
export type QueryPairs = [string, string][];

/** The parts of a request a signature covers, as they arrived. */
export type SignedRequest = {
  method: string;
  /** The raw path, still percent-encoded as sent: the client signed it in that form. */
  path: string;
  query: QueryPairs;
  headers: WireHeaders;
  body: Uint8Array;
};

export type ParsedAuthorization = {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
};

const ALGORITHM = "AWS4-HMAC-SHA256";
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
/** AWS's tolerance for clock skew between client and server. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** Parses `AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex`. */
export function parseAuthorization(value: string): ParsedAuthorization {
  const incomplete = (why: string) => authError("IncompleteSignatureException", `Authorization header is not a valid AWS Signature Version 4 header: ${why}`);
  const trimmed = value.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) {
    throw incomplete(`the algorithm must be ${ALGORITHM}`);
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) throw incomplete(`'${part.trim()}' is not a key=value pair`);
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!credential || !signedHeaders || !signature) throw incomplete("it needs Credential, SignedHeaders and Signature");
  const scope = credential.split("/");
  if (scope.length !== 5 || scope.some((s) => !s)) {
    throw incomplete("Credential must be <access key id>/<date>/<region>/<service>/aws4_request");
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  if (terminator !== "aws4_request") throw incomplete("the credential scope must end in aws4_request");
  if (!/^\d{8}$/.test(scopeDate)) throw incomplete("the credential scope's date must be YYYYMMDD");
  if (!/^[0-9a-f]{64}$/.test(signature)) throw incomplete("Signature must be 64 lowercase hex digits");
  const names = signedHeaders.split(";");
  if (names.some((n) => !n || n !== n.toLowerCase())) throw incomplete("SignedHeaders must be lowercase header names separated by ';'");
  return { accessKeyId, scopeDate, region, service, signedHeaders: names, signature };
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * X-Amz-Date's basic ISO 8601 form, `20240102T030405Z`, as epoch milliseconds; undefined unless
 * each field is in range (Date.UTC would roll month 13 over into the next year).
 */
export function amzDateMs(value: string): number | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5], sec = +m[6];
  const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1] + leap || h > 23 || mi > 59 || sec > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

// The canonical request is built by the SDK's own signer code (@smithy/signature-v4: path
// normalization and escaping, the canonical query and headers), so every client that signs as an
// AWS SDK does verifies here. What is ours is only what SigV4 fixes in a few lines (the string to
// sign, the HMAC chain), done synchronously on Node's native crypto with the signing key cached
// per key and day: the SDK's signer, built for clients, awaits a promise per hash and re-derives
// a cache key with an extra HMAC on every call, about a tenth of each request's CPU here.
class Canonicalizer extends SignatureV4Base {
  constructor() {
    // Only the canonicalization is used: no credentials, region or hash are ever read.
    super({ service: "", region: "", credentials: { accessKeyId: "", secretAccessKey: "" }, sha256: NoHash, uriEscapePath: true, applyChecksum: false });
  }
  canonicalRequest(request: Pick<HttpRequest, "method" | "path" | "query">, canonicalHeaders: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request as HttpRequest, canonicalHeaders, payloadHash);
  }
}
class NoHash {
  update(): void {
    throw new Error("the canonicalizer hashes nothing");
  }
  digest(): Promise<Uint8Array> {
    throw new Error("the canonicalizer hashes nothing");
  }
}
const canonicalizer = new Canonicalizer();

const hmac = (key: Uint8Array | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/**
 * The first key of the HMAC chain. A stored key is SHA-256("AWS4" + secret), never the secret: RFC
 * 2104 hashes keys longer than the 64-byte block, so HMAC(SHA256(K), m) equals HMAC(K, m) for the
 * 68-byte K = "AWS4" + 64-character secret.
 */
const firstKey = (signing: SigningSecret): Uint8Array | string => (signing.kind === "secret" ? `AWS4${signing.secretAccessKey}` : signing.signingKeyHash);

/**
 * Signing keys by the key's secret (the credential object the key store hands out, reloaded at
 * least every few seconds) and scope: the HMAC chain over the scope's four parts (date, region,
 * service, aws4_request), once per key, day, region and service.
 */
const signingKeys = new WeakMap<SigningSecret, { scope: string; key: Buffer }>();
function signingKey(signing: SigningSecret, scope: string): Buffer {
  const cached = signingKeys.get(signing);
  if (cached?.scope === scope) return cached.key;
  const key = scope.split("/").reduce<Uint8Array | string>((k, part) => hmac(k, part), firstKey(signing)) as Buffer;
  signingKeys.set(signing, { scope, key });
  return key;
}

/** The query as the SDK's signer takes it: repeated keys as arrays. */
function queryBag(query: QueryPairs): Record<string, string | string[]> {
  // A plain object unless a key would reach its prototype: an object without one is a slow
  // dictionary, a few µs of every request.
  const bag: Record<string, string | string[]> = query.some(([k]) => k === "__proto__") ? (Object.create(null) as Record<string, string | string[]>) : {};
  for (const [k, v] of query) {
    const prev = Object.hasOwn(bag, k) ? bag[k] : undefined;
    bag[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return bag;
}

/**
 * The signature `auth` should carry for `request`, signed with `signing`: what the SDK's signer
 * computes when given exactly the signed headers (a test holds the two equal).
 */
export function computeSignature(request: SignedRequest, auth: ParsedAuthorization, signing: SigningSecret, amzDate: string, bodySha256?: string): string {
  // No prototype: a signed header may be called anything, "__proto__" included.
  const headers = Object.create(null) as Record<string, string>;
  for (const name of auth.signedHeaders) headers[name] = request.headers.get(name) ?? "";
  // The signer writes X-Amz-Date from its signing date: the header's own text, in the form
  // checkAuthorization accepts (YYYYMMDDTHHMMSSZ).
  headers["x-amz-date"] = amzDate;
  // As the SDK: a signed X-Amz-Content-Sha256 stands for the body as sent, otherwise the body's hash.
  const payloadHash = headers["x-amz-content-sha256"] ?? bodySha256 ?? sha256Hex(request.body);
  const canonical = canonicalizer.canonicalRequest(
    { method: request.method, path: request.path, query: queryBag(request.query) },
    getCanonicalHeaders({ headers } as HttpRequest, undefined, new Set(auth.signedHeaders)),
    payloadHash,
  );
  const scope = `${amzDate.slice(0, 8)}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${hash("sha256", canonical, "hex")}`;
  return createHmac("sha256", signingKey(signing, scope)).update(stringToSign, "utf8").digest("hex");
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

const EMPTY_SHA256 = hash("sha256", "", "hex");
const sha256Hex = (body: Uint8Array) => (body.byteLength === 0 ? EMPTY_SHA256 : hash("sha256", body, "hex"));

function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

export type VerifyOptions = {
  service: ServiceId;
  /** The region this endpoint serves: the credential scope must name it, as AWS requires. */
  region: string;
  keys: KeyStore;
  now: Date;
};

/** What the headers alone establish; the signature itself still needs the body. */
export type PendingSignature = { auth: ParsedAuthorization; amzDate: string; key: ApiKeyCredential };

/**
 * Everything that can be checked before the body is read: an Authorization header, the service
 * and region of its scope, the signed headers, the date and its skew, that the payload is signed,
 * and that the key exists. Unsigned, stale and unknown-key requests are refused here, so their
 * bodies are never read or hashed.
 */
export async function checkAuthorization(request: Pick<SignedRequest, "headers" | "query">, options: VerifyOptions): Promise<PendingSignature> {
  const header = request.headers.get("authorization");
  if (!header) {
    if (request.query.some(([k]) => k.toLowerCase() === "x-amz-signature")) {
      throw authError("MissingAuthenticationTokenException", "Presigned URLs are not supported: sign the request with an Authorization header");
    }
    throw authError("MissingAuthenticationTokenException", "Missing Authentication Token: sign the request with AWS Signature Version 4");
  }
  const auth = parseAuthorization(header);
  if (auth.service !== options.service) {
    throw authError("InvalidSignatureException", `Credential should be scoped to correct service: '${options.service}', not '${auth.service}'`);
  }
  if (auth.region !== options.region) {
    throw authError("InvalidSignatureException", `Credential should be scoped to a valid region: '${options.region}', not '${auth.region}'`);
  }

  const signed = new Set(auth.signedHeaders);
  for (const required of ["host", "x-amz-date"]) {
    if (!signed.has(required)) throw authError("IncompleteSignatureException", `SignedHeaders must include ${required}`);
  }
  // The signer replaces these itself, so a signature over them could never verify here.
  for (const unsupported of ["authorization", "date"]) {
    if (signed.has(unsupported)) {
      throw authError("IncompleteSignatureException", `Signing the ${unsupported} header is not supported; sign x-amz-date instead`);
    }
  }
  for (const name of auth.signedHeaders) {
    if (!request.headers.has(name)) throw authError("IncompleteSignatureException", `Signed header ${name} is missing from the request`);
  }

  const amzDate = request.headers.get("x-amz-date") ?? "";
  const signedAt = amzDateMs(amzDate);
  if (signedAt === undefined) throw authError("IncompleteSignatureException", `X-Amz-Date '${amzDate}' is not of the form YYYYMMDDTHHMMSSZ`);
  if (!amzDate.startsWith(auth.scopeDate)) {
    throw authError("InvalidSignatureException", `Date in Credential scope (${auth.scopeDate}) does not match X-Amz-Date (${amzDate})`);
  }
  const skew = signedAt - options.now.getTime();
  if (skew < -MAX_CLOCK_SKEW_MS) {
    throw authError(
      "InvalidSignatureException",
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(new Date(options.now.getTime() - MAX_CLOCK_SKEW_MS))} (${formatAmzDate(options.now)} - 15 min.)`,
    );
  }
  if (skew > MAX_CLOCK_SKEW_MS) {
    throw authError(
      "InvalidSignatureException",
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(new Date(options.now.getTime() + MAX_CLOCK_SKEW_MS))} (${formatAmzDate(options.now)} + 15 min.)`,
    );
  }

  // A signature over UNSIGNED-PAYLOAD (or any stand-in) covers no body: a captured request's body
  // could be swapped for as long as its date is current. AWS takes it only for S3; so do we not.
  const contentSha = request.headers.get("x-amz-content-sha256");
  if (contentSha !== null && !/^[0-9a-fA-F]{64}$/.test(contentSha)) {
    throw authError(
      "InvalidSignatureException",
      `X-Amz-Content-Sha256 '${contentSha.slice(0, 40)}' is not accepted: sign the SHA-256 of the request body (${UNSIGNED_PAYLOAD} is for S3 only)`,
    );
  }

  const key = await options.keys.find(auth.accessKeyId);
  if (!key) throw authError("UnrecognizedClientException", "The security token included in the request is invalid: unknown access key id");
  return { auth, amzDate, key };
}

/** The rest of the verification, once the body is read: its hash and the signature. */
export async function verifySignedBody(request: SignedRequest, { auth, amzDate, key }: PendingSignature): Promise<ApiKeyCredential> {
  const contentSha = request.headers.get("x-amz-content-sha256");
  const bodySha256 = sha256Hex(request.body);
  if (contentSha !== null && contentSha.toLowerCase() !== bodySha256) {
    throw authError("InvalidSignatureException", "X-Amz-Content-Sha256 does not match the SHA-256 of the request body");
  }
  const expected = computeSignature(request, auth, key.signing, amzDate, bodySha256);
  if (!sameSignature(expected, auth.signature)) {
    throw authError(
      "InvalidSignatureException",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
    );
  }
  // Checked after the signature so that only the key's holder learns that it was revoked.
  if (key.revoked || key.disabled) throw authError("UnrecognizedClientException", `The access key ${key.accessKeyId} ${key.disabled ?? "has been revoked"}`);
  return key;
}

/** Verifies a request's SigV4 signature; returns the key that signed it or throws a 403 WireError. */
export async function verifySignature(request: SignedRequest, options: VerifyOptions): Promise<ApiKeyCredential> {
  return verifySignedBody(request, await checkAuthorization(request, options));
}
