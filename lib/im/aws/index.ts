// The AWS-backed services: the official SDK v3 clients behind the contract.
import "server-only";
import type { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import type { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import type { Services } from "../index";
import { AwsContacts } from "./contacts";
import { AwsIncidents } from "./incidents";

export type AwsClients = { incidents: SSMIncidents; contacts: SSMContacts };

/** AWS-backed services over given SDK clients (tests point them at the local endpoint). */
export function awsServices(clients: AwsClients): Services {
  return { incidents: new AwsIncidents(clients.incidents), contacts: new AwsContacts(clients.contacts) };
}
