// The process's services: local (Prisma) or aws (SDK) as IM_BACKEND says, every change published
// on the process's live bus. The console, the wire endpoints and start-up get their services here.
import "server-only";
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { config, type Config } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { Caller, Services } from "@/lib/im";
import { awsServices, type AwsClients } from "@/lib/im/aws";
import { localServices } from "@/lib/im/local";
import { liveBus, withLiveEvents } from "@/lib/live";
import { createNotifier } from "@/lib/notify";
import type { Notifier } from "@/lib/notify/types";

let awsClients: AwsClients | undefined;

function aws(cfg: Config): AwsClients {
  // One pair of clients per process: they hold the credential chain's cache and connections.
  awsClients ??= {
    incidents: new SSMIncidents({ endpoint: cfg.awsIncidentsEndpoint }),
    contacts: new SSMContacts({ endpoint: cfg.awsContactsEndpoint }),
  };
  return awsClients;
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
  // aws mode: the console's database keeps who wrote which timeline event (AWS keeps no author).
  if (cfg.backend === "aws") return withLiveEvents(awsServices(aws(cfg), { db: db(), principalArn: caller.principalArn }), liveBus());
  return withLiveEvents(localServices(caller, { db: db(), accountId: cfg.accountId, region: cfg.region, notifier: processNotifier() }), liveBus());
}
