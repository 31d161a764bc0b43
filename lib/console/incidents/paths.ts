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

/** Contact aliases match ^[a-z0-9_\-]*$ (the model): safe as a path segment. */
export function contactPath(alias: string): string {
  return `/contacts/${encodeURIComponent(alias)}`;
}

export function escalationPlanPath(alias: string): string {
  return `/escalation-plans/${encodeURIComponent(alias)}`;
}

/** A contact's page, by its type (an escalation plan has its own pages). */
export function contactPathFor(type: string | undefined, alias: string): string {
  return type === "ESCALATION" ? escalationPlanPath(alias) : contactPath(alias);
}

/** `arn:aws:ssm-contacts:us-east-1:123456789012:contact/akuam` → `akuam`. */
export function aliasFromContactArn(arn: string): string {
  return /:contact\/([^/]+)$/.exec(arn)?.[1] ?? arn;
}

/** Like aliasFromContactArn, with a dash for no contact. */
export function contactAlias(arn: string | undefined): string {
  return arn ? aliasFromContactArn(arn) : "—";
}

/** `…:incident-record/{plan}/{id}` → `…:response-plan/{plan}`: the plan an incident started from, in its account. */
export function planArnFromIncidentArn(arn: string): string | undefined {
  return /:incident-record\/[^/]+\//.test(arn) ? arn.replace(/:incident-record\/([^/]+)\/.*$/, ":response-plan/$1") : undefined;
}
