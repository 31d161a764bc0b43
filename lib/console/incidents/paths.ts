// Console URLs of incidents, and the response plan named in an incident ARN. Client-safe.

/** Incident ARNs contain slashes and colons: they travel in the query string, encoded. */
export function incidentPath(arn: string): string {
  return `/incidents/detail?arn=${encodeURIComponent(arn)}`;
}

/** `...:incident-record/{responsePlanName}/{id}` → the response plan's name. */
export function planNameFromIncidentArn(arn: string): string | undefined {
  return /:incident-record\/([^/]+)\//.exec(arn)?.[1];
}

/** `…:incident-record/{plan}/{id}` → `…:response-plan/{plan}`: the plan an incident started from, in its account. */
export function planArnFromIncidentArn(arn: string): string | undefined {
  return /:incident-record\/[^/]+\//.test(arn) ? arn.replace(/:incident-record\/([^/]+)\/.*$/, ":response-plan/$1") : undefined;
}
