"use client";
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

/** A modal, as Cloudscape's Modal: header, body, footer with the actions on the right. */
export function Modal({
  open,
  onOpenChange,
  title,
  description,
  footer,
  children,
  trigger,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  trigger?: ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-[rgba(35,47,62,0.7)]" />
        <RadixDialog.Content
          className="fixed top-[10vh] left-1/2 z-50 flex max-h-[80vh] w-[min(640px,calc(100vw-2rem))] -translate-x-1/2 flex-col rounded-2xl bg-white shadow-xl focus:outline-none"
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
            <div>
              <RadixDialog.Title className="text-lg font-bold">{title}</RadixDialog.Title>
              {description ? <RadixDialog.Description className="text-muted">{description}</RadixDialog.Description> : null}
            </div>
            <RadixDialog.Close aria-label="Close" className="rounded p-1 text-lg leading-none text-muted hover:text-ink">
              ✕
            </RadixDialog.Close>
          </div>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
          {footer ? <div className="flex justify-end gap-2 border-t border-line px-5 py-3">{footer}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
