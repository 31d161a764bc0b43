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
