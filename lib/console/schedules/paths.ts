// Console URLs of on-call schedules (ssm-contacts contacts of type ONCALL_SCHEDULE). Client-safe.

/** Contact aliases match ^[a-z0-9_\-]*$ (the model): safe as a path segment. */
export function schedulePath(alias: string): string {
  return `/schedules/${encodeURIComponent(alias)}`;
}

export const SCHEDULES_PATH = "/schedules";
