// The Next route handlers' entry: one wire handler per service over the process's services, the
// database's API keys and the bootstrap key. Built on first request so that importing a route
// module (as `next build` does) reads no configuration and opens no database.
import "server-only";
import { bootstrapKey, dbKeyStore } from "@/lib/api-keys/key-store";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { services } from "../index";
import type { ServiceId } from "../model";
import { createWireHandler, type WireHandler } from "./handler";

export function wireRouteHandler(service: ServiceId): WireHandler {
  let handler: WireHandler | undefined;
  return (req) => {
    if (!handler) {
      const cfg = config();
      handler = createWireHandler({
        service,
        resolveServices: services,
        keys: dbKeyStore(db(), { bootstrap: bootstrapKey(cfg) }),
        accountId: cfg.accountId,
      });
    }
    return handler(req);
  };
}
