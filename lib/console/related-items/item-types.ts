// The related-item types the console offers. Kept apart from the zod schemas so the tables and
// pickers that show them don't load the validator with them.
import type { ItemType } from "@aws-sdk/client-ssm-incidents";

/** The item types the console offers, with the names AWS's console gives them. */
export const RELATED_ITEM_TYPES: { value: ItemType; label: string }[] = [
  { value: "ANALYSIS", label: "Analysis" },
  { value: "INCIDENT", label: "Incident" },
  { value: "METRIC", label: "Metric" },
  { value: "PARENT", label: "Parent" },
  { value: "ATTACHMENT", label: "Attachment" },
  { value: "OTHER", label: "Other" },
  { value: "AUTOMATION", label: "Automation" },
  { value: "INVOLVED_RESOURCE", label: "Involved resource" },
];
