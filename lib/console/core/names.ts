// Names people read instead of ARNs. Client-safe.

/** `arn:aws:iam::123456789012:user/ana@example.com` → `ana@example.com`; other ARNs as they are. */
export function principalName(arn: string | undefined): string {
  if (!arn) return "—";
  return /:(?:user|role|assumed-role)\/(.+)$/.exec(arn)?.[1] ?? arn;
}
