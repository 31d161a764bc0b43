// react-query keys of response plan reads. Client-safe.

export const responsePlanKeys = {
  all: ["response-plans"] as const,
  options: () => [...responsePlanKeys.all, "options"] as const,
  list: () => [...responsePlanKeys.all, "list"] as const,
};
