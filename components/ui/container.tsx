import clsx from "clsx";
import { useId, type ReactNode } from "react";

/** A white panel with a header, as Cloudscape's Container. */
export function Container({
  header,
  description,
  actions,
  children,
  className,
  flush,
}: {
  header?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** No inner padding (tables run edge to edge). */
  flush?: boolean;
}) {
  const id = useId();
  return (
    <section aria-labelledby={header ? id : undefined} className={clsx("rounded-2xl bg-white shadow-[0_1px_4px_rgba(0,7,22,0.12)]", className)}>
      {header ? (
        <div className="flex flex-wrap items-start justify-between gap-3 px-5 pt-4 pb-3">
          <div>
            <h2 id={id} className="text-lg font-bold">
              {header}
            </h2>
            {description ? <p className="text-muted">{description}</p> : null}
          </div>
          {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
        </div>
      ) : null}
      <div className={flush ? undefined : "px-5 pb-5"}>{children}</div>
    </section>
  );
}
