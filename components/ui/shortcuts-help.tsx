"use client";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/dialog";

export type Shortcut = { keys: string; description: string };

/** Fired by a "Keyboard shortcuts" button anywhere on the page to open the page's help dialog. */
export const OPEN_SHORTCUTS_HELP = "open-shortcuts-help";

/** The "?" dialog: every shortcut of the page. */
export function ShortcutsHelp({ open, onOpenChange, shortcuts }: { open: boolean; onOpenChange: (open: boolean) => void; shortcuts: Shortcut[] }) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      footer={
        <Button variant="primary" onClick={() => onOpenChange(false)}>
          Close
        </Button>
      }
    >
      <table aria-label="Keyboard shortcuts" className="w-full text-left">
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-4">
              Key
            </th>
            <th scope="col" className="py-1">
              Action
            </th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys} className="border-b border-line last:border-b-0">
              <td className="py-1.5 pr-4">
                <kbd className="rounded border border-line-strong bg-[#f4f4f4] px-1.5 font-mono">{s.keys}</kbd>
              </td>
              <td className="py-1.5">{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
