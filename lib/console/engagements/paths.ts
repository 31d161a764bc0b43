// Console URLs of engagements. Client-safe.

/** `/engagements/detail?arn=…`: engagement ARNs contain slashes and colons. */
export function engagementPath(arn: string): string {
  return `/engagements/detail?arn=${encodeURIComponent(arn)}`;
}
