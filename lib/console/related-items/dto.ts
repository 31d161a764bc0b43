// What the Related items tab shows. Client-safe types.

/** A related item for the browser: its identifier as given, a link when it has one. */
export type RelatedItemRow = {
  /** The service's id (generatedId), or type + value when it gave none. */
  id: string;
  type: string;
  title?: string;
  value: { arn?: string; url?: string; metricDefinition?: string };
  /** What to link to: the URL, or the AWS console's page of an ARN. */
  href?: string;
};
