"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { IncidentDetail } from "@/lib/console/incidents/dto";
import { DeleteIncidentDialog } from "./delete-incident-dialog";

/**
 * The incident's destructive actions, out of reach of a hurried click on Resolve: behind "More",
 * in the danger colour, and each still asks to be confirmed. Not modal, so the dialog an item
 * opens takes the focus cleanly once the menu has closed.
 */
export function IncidentMoreMenu({ incident }: { incident: IncidentDetail }) {
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className={buttonClass("normal")}>
          More <span aria-hidden>▾</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-lg border border-line bg-white py-1 shadow-lg">
            <DropdownMenu.Item
              onSelect={() => setDeleting(true)}
              className="cursor-pointer px-4 py-2 font-bold text-error outline-none data-[highlighted]:bg-error-bg"
            >
              Delete incident
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <DeleteIncidentDialog incident={incident} open={deleting} onOpenChange={setDeleting} />
    </>
  );
}
