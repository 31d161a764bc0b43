// Console URLs of contacts and escalation plans (both are ssm-contacts contacts), and the alias in
// a contact ARN. Client-safe.

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
