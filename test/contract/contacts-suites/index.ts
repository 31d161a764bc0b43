// Every part of the ssm-contacts contract suite.
import { contactsSuite } from "./contacts";
import { channelsSuite } from "./channels";
import { plansSuite } from "./plans";
import { policiesTagsSuite } from "./policies-tags";
import { engagementsSuite } from "./engagements";
import { pagesSuite } from "./pages";
import { rotationsSuite } from "./rotations";
import type { ContactsSuite } from "./types";

export const CONTACTS_SUITES: ContactsSuite[] = [
  contactsSuite,
  channelsSuite,
  plansSuite,
  policiesTagsSuite,
  engagementsSuite,
  pagesSuite,
  rotationsSuite,
];
