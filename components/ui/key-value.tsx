import type { ReactNode } from "react";

export type KeyValue = { label: string; value: ReactNode };

/** Label/value pairs in columns, as Cloudscape's KeyValuePairs. */
export function KeyValuePairs({ items }: { items: KeyValue[] }) {
  return (
    <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="min-w-0">
          <dt className="font-bold text-muted">{item.label}</dt>
          <dd className="mt-0.5 break-words">{item.value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
