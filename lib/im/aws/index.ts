// The AWS-backed services: the official SDK v3 clients behind the contract.
import "server-only";
import type { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import type { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import type { Db } from "@/lib/db/client";
import type { Services } from "../index";
import { AwsContacts } from "./contacts";
import { AwsIncidents } from "./incidents";
import { ConsoleTimelineAuthors, noTimelineAuthors } from "./timeline-authors";

export type AwsClients = { incidents: SSMIncidents; contacts: SSMContacts };

/**
 * AWS-backed services over given SDK clients (tests point them at the local endpoint). `console`
 * is the console's database and the signed-in caller, where the console keeps who wrote which
 * timeline event (AWS keeps no author); tests of the contract alone leave it out.
 */
export function awsServices(clients: AwsClients, console?: { db: Db; principalArn: string }): Services {
  return {
    incidents: new AwsIncidents(clients.incidents),
    contacts: new AwsContacts(clients.contacts),
    timelineAuthors: console ? new ConsoleTimelineAuthors(console.db, console.principalArn) : noTimelineAuthors,
  };
}
