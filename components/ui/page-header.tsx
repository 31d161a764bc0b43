import type { ReactNode } from "react";

export function PageHeader({ title, description, actions, badges }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; badges?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-bold break-words sm:text-2xl">{title}</h1>
          {badges}
        </div>
        {description ? <div className="mt-1 text-muted">{description}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
