// Console URLs of incidents, and the response plan named in an incident ARN. Client-safe.

/**
 * An incident's short, stable URL: `/incidents/<plan>/<id>` from
 * `arn:…:incident-record/<plan>/<id>` (easy to paste into chat; the account is the console's own,
 * arn-prefix.ts). `tab` opens one of its tabs. Anything else that claims to be an incident ARN
 * keeps the long form, `/incidents/detail?arn=…`, whose page redirects to the short one.
 */
export function incidentPath(arn: string, tab?: string): string {
  const parts = incidentPathParts(arn);
  const base = parts ? `/incidents/${encodeURIComponent(parts.plan)}/${encodeURIComponent(parts.id)}` : `/incidents/detail?arn=${encodeURIComponent(arn)}`;
  return tab ? `${base}${base.includes("?") ? "&" : "?"}tab=${encodeURIComponent(tab)}` : base;
}

/** `…:incident-record/<plan>/<id>` → its plan and id; undefined for any other string. */
export function incidentPathParts(arn: string): { plan: string; id: string } | undefined {
  const m = /^arn:[^:]+:ssm-incidents:[^:]*:[0-9]{12}:incident-record\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/.exec(arn);
  return m ? { plan: m[1], id: m[2] } : undefined;
}

/** `...:incident-record/{responsePlanName}/{id}` → the response plan's name. */
export function planNameFromIncidentArn(arn: string): string | undefined {
  return /:incident-record\/([^/]+)\//.exec(arn)?.[1];
}

/** `…:incident-record/{plan}/{id}` → `…:response-plan/{plan}`: the plan an incident started from, in its account. */
export function planArnFromIncidentArn(arn: string): string | undefined {
  return /:incident-record\/[^/]+\//.test(arn) ? arn.replace(/:incident-record\/([^/]+)\/.*$/, ":response-plan/$1") : undefined;
}
