// Console URLs of response plans. Client-safe.

/** Response plan names match ^[a-zA-Z0-9-_]*$ (the model), so they are safe as a path segment. */
export function responsePlanPath(name: string): string {
  return `/response-plans/${encodeURIComponent(name)}`;
}
