import type { Db } from "@/lib/db/client";
import type { Notifier } from "@/lib/notify/types";
import type { Clock } from "./clock";

/** Everything a local operation needs: the database, the clock, the identity of the model and the caller. */
export type LocalContext = {
  db: Db;
  clock: Clock;
  accountId: string;
  region: string;
  /** The ARN of whoever calls: a console user or an API key's principal. */
  principalArn: string;
  /** Where activation codes and pages are sent (lib/notify). */
  notifier: Notifier;
};
