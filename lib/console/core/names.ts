// Names people read instead of ARNs, times as the browser receives them, and links to AWS's
// console. Client-safe.

/** `arn:aws:iam::123456789012:user/ana@example.com` → `ana@example.com`; other ARNs as they are. */
export function principalName(arn: string | undefined): string {
  if (!arn) return "—";
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
