// The process's wire endpoints: one per service over the process's services, the database's API
// keys and the bootstrap key. Used by the Next route handlers (`next dev`) and by the production
// server (server/), which serves /api/aws/** on node:http. Built on first request so that
// importing a route module (as `next build` does) reads no configuration and opens no database.
import "server-only";
import { bootstrapKey, dbKeyStore } from "@/lib/api-keys/key-store";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { services } from "@/lib/bootstrap/services";
import type { ServiceId } from "@/lib/im/model";
import { createRawWireHandler, createWireHandler, type RawWireHandler, type WireHandler, type WireHandlerOptions } from "./handler";

function processWireOptions(service: ServiceId): WireHandlerOptions {
  const cfg = config();
  return {
    service,
    resolveServices: services,
    keys: dbKeyStore(db(), { bootstrap: bootstrapKey(cfg) }),
    accountId: cfg.accountId,
    region: cfg.region,
    // In aws mode the services act on real AWS with the server's own credentials: a console API
    // key must never spend them, so these endpoints don't exist there.
    unavailable:
      cfg.backend === "aws"
        ? `The AWS-compatible endpoints are served only in local mode; this console runs in aws mode: call AWS itself`
        : undefined,
  };
}

/** A Next route handler for one service. */
export function wireRouteHandler(service: ServiceId): WireHandler {
  let handler: WireHandler | undefined;
  return (req) => {
    handler ??= createWireHandler(processWireOptions(service));
    return handler(req);
  };
}

/** The same endpoint for a server that hands over raw requests (server/aws-endpoints.ts). */
export function processRawWireHandler(service: ServiceId): RawWireHandler {
  let handler: RawWireHandler | undefined;
  return (req) => {
    handler ??= createRawWireHandler(processWireOptions(service));
    return handler(req);
  };
}
