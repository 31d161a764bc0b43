// Which Incident Manager service owns an ARN (its tagging operations differ). Client-safe.
import type { ServiceId } from "@/lib/im/model";

/** `arn:aws:ssm-incidents::…` → ssm-incidents; `arn:aws:ssm-contacts:…` → ssm-contacts; else undefined. */
export function serviceOfArn(arn: string): ServiceId | undefined {
  const service = /^arn:aws[a-z-]*:(ssm-incidents|ssm-contacts):/.exec(arn.trim())?.[1];
  return service === "ssm-incidents" || service === "ssm-contacts" ? service : undefined;
}

export const NOT_AN_IM_ARN = "Enter the ARN of an Incident Manager resource (arn:aws:ssm-incidents:… or arn:aws:ssm-contacts:…).";
