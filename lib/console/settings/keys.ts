// react-query keys of the Settings reads. Client-safe.

export const settingsKeys = {
  all: ["settings"] as const,
  replicationSet: () => [...settingsKeys.all, "replication-set"] as const,
  resourcePolicies: (arn: string) => [...settingsKeys.all, "resource-policies", arn] as const,
  tags: (arn: string) => [...settingsKeys.all, "tags", arn] as const,
};
