// The HTTP intake of alerts, free of any web framework: `POST /api/integrations/<id>` (an
// integration's native webhook format, its token in `Authorization: Bearer` or `?token=`) and
// `POST /v2/enqueue` (PagerDuty's Events API v2, the token as `routing_key`). The production server
// (server/alert-intake.ts) calls it straight from node:http, the route handlers
// (app/api/integrations/[id], app/v2/enqueue) under `next dev`.
//
// The answer is fast and says exactly what happened: 202 once acceptDelivery's transaction has
// committed (the alert is durable; its processing runs after), 400 with the reason for a body it
// cannot read, 401 for a missing, wrong or revoked token (one body, one timing), 413 past 1 MiB
// (without reading the rest), 429 with Retry-After past the integration's rate, 405 for another
// method, and 503 with Retry-After for anything unexpected — never a 500, so a sender retries
// rather than drops. /v2/enqueue answers in PagerDuty's own shapes. Neither the body nor the token
// is ever logged.
import "server-only";
import type { Backend } from "@/lib/config";
import { config } from "@/lib/config";
import { db as processDb, type Db } from "@/lib/db/client";
import type { AlertIntegrationModel } from "@/lib/db/generated/sqlite/models";
import { bearerTokenHash } from "@/lib/secrets/bearer-token";
import { readBodyWithin } from "@/lib/wire/web-body";
import { acceptDelivery } from "./intake";
import { integrationLookup, type IntegrationLookup } from "./integration-cache";
import { InvalidPagerDutyEvent, pagerDutyAcceptedBody, pagerDutyEventErrors, pagerDutyInvalidBody } from "./kinds";
import { UnreadablePayload, type AlertKind } from "./normalized";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

/** The largest body the intake reads: 1 MiB. */
export const ALERT_BODY_LIMIT = 1024 * 1024;
/** Deeper JSON is refused before it is parsed (the documented payloads nest a handful of levels). */
export const ALERT_JSON_MAX_DEPTH = 64;
/** How long a sender is asked to wait after a failure of ours (503). */
const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

export const INTEGRATION_PATH_PREFIX = "/api/integrations/";
export const PAGERDUTY_ENQUEUE_PATH = "/v2/enqueue";

export type IntakeTarget = { kind: "integration"; id: string } | { kind: "pagerduty" };

/** The intake a request path (without its query) is for, or undefined for any other path. */
export function intakeTargetOf(path: string): IntakeTarget | undefined {
  if (path === PAGERDUTY_ENQUEUE_PATH) return { kind: "pagerduty" };
  if (!path.startsWith(INTEGRATION_PATH_PREFIX)) return undefined;
  const id = path.slice(INTEGRATION_PATH_PREFIX.length);
  // One segment: anything under it belongs to other routes. Ids are UUIDs, so percent-encoding is
  // not decoded: an encoded id names no integration and gets the same 401 as any unknown one.
  if (id === "" || id.includes("/")) return undefined;
  return { kind: "integration", id };
}

/** The body went past the limit: the reader stopped, and the answer is 413. */
export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
  constructor(readonly limit: number) {
    super(`The body exceeds ${limit} bytes`);
  }
}

/** The sender went away before its body was read to the end: nothing is stored, nobody is answered. */
export class SenderGone extends Error {
  override name = "SenderGone";
  constructor() {
    super("The sender closed the connection before the body ended");
  }
}

/** A request as any HTTP server can hand it over. */
export type IntakeRequest = {
  method: string;
  target: IntakeTarget;
  /** The query string, without "?" ("" when there is none). */
  search: string;
  /** A request header by lower-case name (repeated ones joined), or null. */
  header(name: string): string | null;
  /**
   * Reads the whole body; throws BodyTooLarge as soon as it passes `limit` bytes, SenderGone when
   * the connection ends first.
   */
  readBody(limit: number): Promise<Uint8Array>;
};

export type IntakeResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /**
   * The body was not read to its end and must not be (413): the server closes the connection
   * after answering instead of reading the rest.
   */
  closeConnection?: boolean;
};

export type IntakeHandler = (req: IntakeRequest) => Promise<IntakeResponse>;

export type IntakeOptions = {
  db: Db;
  /** Alerts are taken in local mode only (an aws-mode console answers 404 saying so). */
  backend: Backend;
  integrations?: IntegrationLookup;
  limiter?: RateLimiter;
  now?: () => Date;
  /** Where unexpected failures are reported (default console). */
  logger?: Pick<Console, "error">;
};

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

function json(status: number, body: unknown, headers: Record<string, string> = {}): IntakeResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** The answers that differ between the native URL and PagerDuty's (whose shapes are PagerDuty's). */
type Dialect = {
  unreadable(message: string, errors?: string[]): IntakeResponse;
  notJson(message: string): IntakeResponse;
  tooLarge(limit: number): IntakeResponse;
  rateLimited(retryAfterSeconds: number): IntakeResponse;
  unavailable(): IntakeResponse;
  methodNotAllowed(): IntakeResponse;
};

const ALLOW = { allow: "POST" };

const NATIVE: Dialect = {
  unreadable: (message) => json(400, { message }),
  notJson: (message) => json(400, { message }),
  tooLarge: (limit) => ({ ...json(413, { message: `The body exceeds ${limit} bytes (1 MiB): it was not read` }), closeConnection: true }),
  rateLimited: (seconds) =>
    json(429, { message: `Too many alerts for this integration: retry in ${seconds} s` }, { "retry-after": String(seconds) }),
  unavailable: () =>
    json(503, { message: "The alert could not be stored now: retry" }, { "retry-after": String(RETRY_AFTER_UNAVAILABLE_SECONDS) }),
  methodNotAllowed: () => json(405, { message: "Send alerts with POST" }, ALLOW),
};

// PagerDuty's error object is {status, message, errors?} (its Events API v2 OpenAPI document,
// components.responses.Error); a bad event is {"status": "invalid event", "message": "Event object
// is invalid", errors}, unreadable JSON {"status": "Unrecognized object", "message": "Event object
// format is unrecognized", errors}.
const PAGERDUTY: Dialect = {
  unreadable: (message, errors) => json(400, pagerDutyInvalidBody(errors ?? [message])),
  notJson: (message) => json(400, { status: "Unrecognized object", message: "Event object format is unrecognized", errors: [message] }),
  tooLarge: (limit) => ({
    ...json(413, { status: "Request Entity Too Large", message: `The event exceeds ${limit} bytes (1 MiB): it was not read` }),
    closeConnection: true,
  }),
  rateLimited: (seconds) =>
    json(
      429,
      { status: "Request Limit Exceeded", message: `Too many events for this routing key: retry in ${seconds} s` },
      { "retry-after": String(seconds) },
    ),
  unavailable: () =>
    json(
      503,
      { status: "Service Unavailable", message: "The event could not be stored now: retry" },
      { "retry-after": String(RETRY_AFTER_UNAVAILABLE_SECONDS) },
    ),
  methodNotAllowed: () => json(405, { status: "Method Not Allowed", message: "Send events with POST" }, ALLOW),
};

// One answer for a missing integration, a wrong token and a revoked one: which it was is not said.
const UNAUTHORIZED = json(401, { message: "The integration is unknown or the token is wrong or revoked" }, { "www-authenticate": 'Bearer realm="alerts"' });
const NO_TOKEN = json(
  401,
  { message: "No token: send it as Authorization: Bearer <token> or as ?token=<token> in the URL" },
  { "www-authenticate": 'Bearer realm="alerts"' },
);
const LOCAL_MODE_ONLY = json(404, { message: "Alert intake needs local mode" });

/** The token of a native-URL request: the Bearer header's, else the query's `token`. */
function presentedToken(req: IntakeRequest): string | undefined {
  const auth = req.header("authorization");
  const bearer = auth ? /^\s*Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (bearer) return bearer[1];
  if (!req.search) return undefined;
  const token = new URLSearchParams(req.search).get("token")?.trim();
  return token || undefined;
}

/** A declared Content-Length past the limit: answered at once, before anything is read. */
function declaresTooMuch(req: IntakeRequest): boolean {
  const declared = req.header("content-length");
  return declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > ALERT_BODY_LIMIT;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * How deeply the JSON text nests, stopping as soon as it passes `max` (a scan, not a parse: a body
 * of a million "[" would overflow the stack of what later walks the parsed value).
 */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** The body as JSON, whatever the Content-Type said (curl users forget it). */
function parseBody(bytes: Uint8Array): Parsed {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: "body is not JSON: it is not UTF-8 text" };
  }
  if (nestsDeeperThan(text, ALERT_JSON_MAX_DEPTH)) {
    return { ok: false, message: `body is not JSON the intake reads: it nests deeper than ${ALERT_JSON_MAX_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `body is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** An error in words fit for the log: its name, code and first line, and where — never its data. */
function describeFailure(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as { code?: unknown }).code;
  // Prisma prints a failed call's arguments (here: the alert's payload) after its first line.
  const first = e.message.split("\n", 1)[0]!.slice(0, 300);
  const where = (e.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .join("\n");
  return `${e.name}${typeof code === "string" ? ` ${code}` : ""}: ${first}${where ? `\n${where}` : ""}`;
}

const KIND_WORDS: Record<AlertKind, string> = {
  ALERTMANAGER: "Alertmanager",
  GRAFANA: "Grafana",
  PAGERDUTY: "PagerDuty",
  GENERIC: "generic JSON",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function createIntakeHandler(options: IntakeOptions): IntakeHandler {
  const { db } = options;
  const integrations = options.integrations ?? integrationLookup(db);
  const limiter = options.limiter ?? createRateLimiter();
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? console;

  async function accept(integration: AlertIntegrationModel, body: unknown, dialect: Dialect): Promise<IntakeResponse> {
    let accepted;
    try {
      accepted = await acceptDelivery(db, integration, body, now());
    } catch (e) {
      if (e instanceof InvalidPagerDutyEvent) return dialect.unreadable(e.message, e.errors);
      if (e instanceof UnreadablePayload) return dialect.unreadable(e.message);
      throw e;
    }
    if (integration.kind === "PAGERDUTY") return json(202, pagerDutyAcceptedBody(accepted.fingerprints[0] ?? ""));
    return json(202, { status: "accepted", alerts: accepted.alertIds.length, ids: accepted.alertIds });
  }

  function rateLimited(integration: AlertIntegrationModel, dialect: Dialect): IntakeResponse | undefined {
    const decision = limiter.take(integration.id, integration);
    return decision.allowed ? undefined : dialect.rateLimited(decision.retryAfterSeconds);
  }

  async function native(req: IntakeRequest, id: string): Promise<IntakeResponse> {
    const token = presentedToken(req);
    if (!token) return NO_TOKEN;
    const integration = await integrations.byId(id, bearerTokenHash(token));
    if (!integration) return UNAUTHORIZED;
    // A PagerDuty integration speaks PagerDuty at its own URL too.
    const dialect = integration.kind === "PAGERDUTY" ? PAGERDUTY : NATIVE;
    const limited = rateLimited(integration, dialect);
    if (limited) return limited;
    const parsed = parseBody(await req.readBody(ALERT_BODY_LIMIT));
    if (!parsed.ok) return dialect.notJson(parsed.message);
    let body = parsed.value;
    // The URL's token authenticated it: an event sent here needs no routing_key of its own.
    if (integration.kind === "PAGERDUTY" && isRecord(body) && (body.routing_key === undefined || body.routing_key === null)) {
      body = { ...body, routing_key: token };
    }
    return accept(integration, body, dialect);
  }

  async function pagerDuty(req: IntakeRequest): Promise<IntakeResponse> {
    const parsed = parseBody(await req.readBody(ALERT_BODY_LIMIT));
    if (!parsed.ok) return PAGERDUTY.notJson(parsed.message);
    const body = parsed.value;
    const routingKey = isRecord(body) && typeof body.routing_key === "string" ? body.routing_key.trim() : "";
    if (!routingKey) {
      const errors = pagerDutyEventErrors(body);
      return json(400, pagerDutyInvalidBody(errors.length ? errors : ["'routing_key' is missing or blank"]));
    }
    const integration = await integrations.byTokenHash(bearerTokenHash(routingKey));
    // PagerDuty answers an unknown integration key 400 "Invalid routing key" (not 401/404).
    if (!integration) return json(400, pagerDutyInvalidBody(["Invalid routing key"]));
    if (integration.kind !== "PAGERDUTY") {
      return json(
        400,
        pagerDutyInvalidBody([`Invalid routing key: its integration takes ${KIND_WORDS[integration.kind as AlertKind] ?? integration.kind} webhooks at its own URL, not PagerDuty events`]),
      );
    }
    const limited = rateLimited(integration, PAGERDUTY);
    if (limited) return limited;
    return accept(integration, body, PAGERDUTY);
  }

  return async (req) => {
    const dialect = req.target.kind === "pagerduty" ? PAGERDUTY : NATIVE;
    const where = req.target.kind === "pagerduty" ? PAGERDUTY_ENQUEUE_PATH : `${INTEGRATION_PATH_PREFIX}${req.target.id}`;
    try {
      if (options.backend !== "local") return LOCAL_MODE_ONLY;
      if (req.method !== "POST") return dialect.methodNotAllowed();
      if (declaresTooMuch(req)) return dialect.tooLarge(ALERT_BODY_LIMIT);
      return req.target.kind === "pagerduty" ? await pagerDuty(req) : await native(req, req.target.id);
    } catch (e) {
      if (e instanceof BodyTooLarge) return dialect.tooLarge(e.limit);
      if (e instanceof SenderGone) return json(400, { message: e.message });
      // The path, never the query (it may hold the token) nor the body.
      logger.error(`[alerts] POST ${where}: the delivery could not be stored (answered 503): ${describeFailure(e)}`);
      return dialect.unavailable();
    }
  };
}

const globalForIntake = globalThis as unknown as { imAlertIntake?: IntakeHandler };

/**
 * The process's intake over its database and configuration, built on first request (importing a
 * route module, as `next build` does, reads no configuration and opens no database). One per
 * process: the rate limit's buckets and the integration cache are shared by both entries.
 */
export function processIntakeHandler(): IntakeHandler {
  return (req) => {
    globalForIntake.imAlertIntake ??= createIntakeHandler({ db: processDb(), backend: config().backend });
    return globalForIntake.imAlertIntake(req);
  };
}

/** Reads a Web Request's body, stopping (and cancelling the stream) as soon as it passes `limit`. */
function readWebBody(req: Request, limit: number): Promise<Uint8Array> {
  return readBodyWithin(req.body, limit, { tooLarge: () => new BodyTooLarge(limit), readFailed: () => new SenderGone() });
}

/** The intake for a Web Request (the Next route handlers). */
export async function answerIntakeRequest(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const target = intakeTargetOf(url.pathname);
  if (!target) return new Response(JSON.stringify({ message: "Not found" }), { status: 404, headers: JSON_HEADERS });
  const res = await processIntakeHandler()({
    method: req.method,
    target,
    search: url.search.replace(/^\?/, ""),
    header: (name) => req.headers.get(name),
    readBody: (limit) => readWebBody(req, limit),
  });
  // closeConnection is the node:http server's to honour: Next owns the connection here.
  return new Response(req.method === "HEAD" ? null : res.body, { status: res.status, headers: res.headers });
}
