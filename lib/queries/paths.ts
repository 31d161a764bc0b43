// Console URLs of resources and the names hidden in their ARNs. Client-safe.

/** Incident ARNs contain slashes and colons: they travel in the query string, encoded. */
export function incidentPath(arn: string): string {
  return `/incidents/detail?arn=${encodeURIComponent(arn)}`;
}

/** Response plan names match ^[a-zA-Z0-9-_]*$ (the model), so they are safe as a path segment. */
export function responsePlanPath(name: string): string {
  return `/response-plans/${encodeURIComponent(name)}`;
}

/** `...:incident-record/{responsePlanName}/{id}` → the response plan's name. */
export function planNameFromIncidentArn(arn: string): string | undefined {
  return /:incident-record\/([^/]+)\//.exec(arn)?.[1];
}

/** `arn:aws:iam::123456789012:user/ana@example.com` → `ana@example.com`; other ARNs as they are. */
export function principalName(arn: string | undefined): string {
  if (!arn) return "—";
  return /:(?:user|role|assumed-role)\/(.+)$/.exec(arn)?.[1] ?? arn;
}

/** `arn:aws:ssm-contacts:us-east-1:111122223333:contact/akuam` → `akuam`. */
export function contactAlias(arn: string | undefined): string {
  if (!arn) return "—";
  return /:contact\/([^/]+)/.exec(arn)?.[1] ?? arn;
}

/** `…:incident-record/{plan}/{id}` → `…:response-plan/{plan}`: the plan an incident started from, in its account. */
export function planArnFromIncidentArn(arn: string): string | undefined {
  return /:incident-record\/[^/]+\//.test(arn) ? arn.replace(/:incident-record\/([^/]+)\/.*$/, ":response-plan/$1") : undefined;
}
