// Names people read instead of ARNs, times as the browser receives them, and links to AWS's
// console. Client-safe.

/**
 * The principal ARN an alert integration starts incidents as (local mode): its id, for links, and
 * its name, percent-encoded, for principalName — so an incident's "created by" reads as the
 * integration's name without a lookup.
 */
export function integrationPrincipalArn(accountId: string, integration: { id: string; name: string }): string {
  return `arn:aws:iam::${accountId}:role/alert-integration/${integration.id}/${encodeURIComponent(integration.name)}`;
}

const INTEGRATION_PRINCIPAL = /:role\/alert-integration\/([^/]+)\/([^/]+)$/;

/** The integration behind an integrationPrincipalArn, or undefined for any other principal. */
export function integrationOfPrincipal(arn: string | undefined): { id: string; name: string } | undefined {
  const match = arn ? INTEGRATION_PRINCIPAL.exec(arn) : null;
  if (!match) return undefined;
  try {
    return { id: match[1]!, name: decodeURIComponent(match[2]!) };
  } catch {
    return { id: match[1]!, name: match[2]! };
  }
}

/**
 * `arn:aws:iam::123456789012:user/ana@example.com` → `ana@example.com`; an alert integration's
 * principal → `Prometheus prod (alert integration)`; other ARNs as they are.
 */
export function principalName(arn: string | undefined): string {
  if (!arn) return "—";
  const integration = integrationOfPrincipal(arn);
  if (integration) return `${integration.name} (alert integration)`;
  return /:(?:user|role|assumed-role)\/(.+)$/.exec(arn)?.[1] ?? arn;
}

/** A time the SDK gave (a Date, or what JSON made of one) as the ISO string DTOs carry; undefined stays so. */
export function iso(d: Date | string | undefined): string | undefined {
  return d ? new Date(d).toISOString() : undefined;
}

/** The AWS console's page of any resource, by its ARN. */
export function awsConsoleHref(arn: string): string {
  return `https://console.aws.amazon.com/go/view?arn=${encodeURIComponent(arn)}`;
}
