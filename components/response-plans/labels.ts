// Names the response plan pages show for sections and the model's enum values. Server- and client-safe.
import type { PlanSection } from "@/lib/console/response-plans/schemas";

export const SECTION_TITLES: Record<PlanSection, string> = {
  details: "Response plan details",
  defaults: "Incident defaults",
  notifications: "Notification targets",
  chat: "Chat channel",
  engagements: "Engagements",
  runbook: "Runbook",
  integrations: "Integrations",
  tags: "Tags",
};

export const SECTION_DESCRIPTIONS: Partial<Record<PlanSection, string>> = {
  defaults: "What an incident started from this plan begins with.",
  notifications: "SNS topics told when an incident starts and when it changes.",
  chat: "Where responders talk: AWS Chatbot's SNS topics, or none.",
  runbook: "An SSM Automation document that starts with the incident.",
  integrations: "A PagerDuty service that gets an incident too.",
  tags: "Tags of the response plan itself.",
};

export const TARGET_ACCOUNT_LABELS: Record<string, string> = {
  RESPONSE_PLAN_OWNER_ACCOUNT: "Response plan owner's account",
  IMPACTED_ACCOUNT: "Impacted account",
};

export const DYNAMIC_VARIABLE_LABELS: Record<string, string> = {
  INVOLVED_RESOURCES: "Involved resources",
  INCIDENT_RECORD_ARN: "Incident ARN",
};
