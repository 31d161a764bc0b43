// An ARN that breaks only between its parts. `break-all` splits one anywhere — in the middle of
// the account number — and the default rules split it at hyphens (`incident-record`, a UUID).
// Each part between `:` and `/` stays whole; a line may end after a `:` or `/`.
import { Fragment } from "react";
import { CopyButton } from "./copy-button";

/** The ARN's text, breakable only after `:` and `/`. */
export function ArnText({ arn }: { arn: string }) {
  const parts = arn.split(/(?<=[:/])/);
  return (
    <span data-arn={arn}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i ? <wbr /> : null}
          <span className="whitespace-nowrap">{part}</span>
        </Fragment>
      ))}
    </span>
  );
}

/** The ARN with a button that copies it whole. */
export function Arn({ arn, label = "Copy ARN" }: { arn: string; label?: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <ArnText arn={arn} />
      <CopyButton text={arn} label={label} />
    </span>
  );
}
