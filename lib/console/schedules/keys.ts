// react-query keys of on-call schedule reads. Client-safe.
export const scheduleKeys = {
  all: ["schedules"] as const,
  list: () => [...scheduleKeys.all, "list"] as const,
  detail: (alias: string) => [...scheduleKeys.all, "detail", alias] as const,
  shifts: (alias: string, from: string, to: string) => [...scheduleKeys.detail(alias), "shifts", from, to] as const,
};
