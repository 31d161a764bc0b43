// A react-hook-form resolver whose zod schema (and zod, and the AWS model rules the schemas check
// against: ~55 KB gzipped) is fetched the first time the form validates, not with the page.
// Forms validate on submit, so a page that only shows an "Edit" button never downloads them.
import type { FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

export function lazyZodResolver<T extends FieldValues>(loadSchema: () => Promise<ZodType>): Resolver<T> {
  let resolver: Promise<Resolver<T>> | undefined;
  return async (values, context, options) => {
    resolver ??= Promise.all([loadSchema(), import("@hookform/resolvers/zod")])
      .then(([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<T>)
      .catch((err: unknown) => {
        resolver = undefined; // a failed download is retried on the next submit
        throw err;
      });
    return (await resolver)(values, context, options);
  };
}
