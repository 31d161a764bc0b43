// Every part of the ssm-incidents contract suite beyond the walking skeleton.
import { timelineSuite } from "./timeline";
import { relatedItemsSuite } from "./related-items";
import { responsePlansWriteSuite } from "./response-plans-write";
import { tagsSuite } from "./tags";
import { resourcePoliciesSuite } from "./resource-policies";
import { incidentDeletionSuite } from "./incident-deletion";
import { findingsSuite } from "./findings";
import type { IncidentSuite } from "./types";

export const INCIDENT_SUITES: IncidentSuite[] = [
  timelineSuite,
  relatedItemsSuite,
  responsePlansWriteSuite,
  tagsSuite,
  resourcePoliciesSuite,
  incidentDeletionSuite,
  findingsSuite,
];
