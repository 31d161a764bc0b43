// The local model: both services over one database, clock and notifier.
import "server-only";
import type { Db } from "@/lib/db/client";
import { outboxNotifier } from "@/lib/notify/outbox";
import type { Notifier } from "@/lib/notify/types";
import type { Caller, Services } from "../index";
import { systemClock, type Clock } from "./clock";
import { LocalContacts } from "./contacts";
import type { LocalContext } from "./context";
import { createEngine } from "./engine";
import { LocalIncidents } from "./incidents";
import { LocalTimelineAuthors } from "./incidents/timeline-authors";

/** The local model over a given database and clock (tests use this directly). */
export function localServices(
  caller: Caller,
  options: { db: Db; clock?: Clock; accountId: string; region: string; notifier?: Notifier },
): Services {
  const base = {
    db: options.db,
    clock: options.clock ?? systemClock,
    accountId: options.accountId,
    region: options.region,
    principalArn: caller.principalArn,
    notifier: options.notifier ?? outboxNotifier(options.db),
  };
  const ctx: LocalContext = { ...base, engine: createEngine(base) };
  return { incidents: new LocalIncidents(ctx), contacts: new LocalContacts(ctx), timelineAuthors: new LocalTimelineAuthors(ctx) };
}
