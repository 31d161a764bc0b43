// The contract's factory: the console, the wire layer and the tests get their services here,
// local (Prisma) or aws (SDK) as IM_BACKEND says.
import "server-only";
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { config, type Config } from "@/lib/config";
import { db, type Db } from "@/lib/db/client";
import { AwsContacts } from "./aws/contacts";
import { AwsIncidents } from "./aws/incidents";
import type { ContactsService, IncidentsService } from "./contract";
import { systemClock, type Clock } from "./local/clock";
import { LocalContacts } from "./local/contacts";
import { LocalIncidents } from "./local/incidents";
import { createNotifier } from "@/lib/notify";
import { outboxNotifier } from "@/lib/notify/outbox";
import type { Notifier } from "@/lib/notify/types";
import { liveBus, withLiveEvents } from "@/lib/live";

export type { ContactsService, IncidentsService } from "./contract";

/** Who is calling: the local model records them as createdBy / lastModifiedBy. */
export type Caller = { principalArn: string };

export type Services = { incidents: IncidentsService; contacts: ContactsService };

export type AwsClients = { incidents: SSMIncidents; contacts: SSMContacts };
let awsClients: AwsClients | undefined;

function aws(cfg: Config): AwsClients {
  // One pair of clients per process: they hold the credential chain's cache and connections.
  awsClients ??= {
    incidents: new SSMIncidents({ endpoint: cfg.awsIncidentsEndpoint }),
    contacts: new SSMContacts({ endpoint: cfg.awsContactsEndpoint }),
  };
  return awsClients;
}

/** The local model over a given database and clock (tests use this directly). */
export function localServices(
  caller: Caller,
  options: { db: Db; clock?: Clock; accountId: string; region: string; notifier?: Notifier },
): Services {
  const ctx = {
    db: options.db,
    clock: options.clock ?? systemClock,
    accountId: options.accountId,
    region: options.region,
    principalArn: caller.principalArn,
    notifier: options.notifier ?? outboxNotifier(options.db),
  };
  return { incidents: new LocalIncidents(ctx), contacts: new LocalContacts(ctx) };
}

/** AWS-backed services over given SDK clients (tests point them at the local endpoint). */
export function awsServices(clients: AwsClients): Services {
  return { incidents: new AwsIncidents(clients.incidents), contacts: new AwsContacts(clients.contacts) };
}

let notifier: Notifier | undefined;
/** The process's notifier: the outbox, plus SMTP and the SMS/voice webhook when configured. */
export function processNotifier(): Notifier {
  notifier ??= createNotifier(db(), config());
  return notifier;
}

/** The services for a caller, from the process's configuration. */
export function services(caller: Caller): Services {
  const cfg = config();
  // Every change made through the process's services is published on the live bus: the consoles'
  // live streams (local mode) and the caches that must forget what changed (aws mode).
  if (cfg.backend === "aws") return withLiveEvents(awsServices(aws(cfg)), liveBus());
  return withLiveEvents(localServices(caller, { db: db(), accountId: cfg.accountId, region: cfg.region, notifier: processNotifier() }), liveBus());
}
