"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { buttonClass } from "@/components/ui/button";
import type { TimelineEventDto } from "@/lib/console/timeline/dto";
import { exportTimeline, type ExportFormat } from "./export-timeline";

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: "markdown", label: "Markdown (.md)" },
  { format: "csv", label: "CSV (.csv)" },
  { format: "json", label: "JSON (.json)" },
];

function download(filename: string, mimeType: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has started the download by now; the object URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads every event of the incident (fetched afresh), whatever page or filter is on screen. */
export function ExportMenu({
  incident,
  loadAll,
  defaultOpen,
}: {
  incident: { arn: string; title: string };
  loadAll: () => Promise<TimelineEventDto[]>;
  defaultOpen?: boolean;
}) {
  async function run(format: ExportFormat) {
    // A failed load is reported by loadAll's caller (an alert above the timeline): nothing to download.
    const events = await loadAll().catch(() => null);
    if (!events) return;
    const file = exportTimeline(format, incident, events);
    download(file.filename, file.mimeType, file.content);
  }
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger className={buttonClass("normal")}>
        Export <span aria-hidden>▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-lg border border-line bg-white py-1 text-ink shadow-lg">
          {FORMATS.map((f) => (
            <DropdownMenu.Item key={f.format} onSelect={() => void run(f.format)} className="cursor-pointer px-4 py-2 outline-none data-[highlighted]:bg-info-bg">
              {f.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
