import type { IncidentsTarget } from "../incidents.contract";

/**
 * A part of the ssm-incidents contract suite. It runs inside the suite's describe block, after the
 * replication set exists and a response plan (planArn) has been created for it to use.
 */
export type SuiteContext = { target: () => IncidentsTarget; planArn: () => string };
export type IncidentSuite = (ctx: SuiteContext) => void;
