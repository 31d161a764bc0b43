"use client";
import { AbsoluteTime } from "@/components/ui/relative-time";
import type { ReceiptRow } from "@/lib/console/engagements/dto";

const RECEIPT_LABEL: Record<string, string> = { SENT: "Sent", DELIVERED: "Delivered", READ: "Read", ERROR: "Error", STOP: "Stopped" };

/** A page's receipts (sent, delivered, read, error, stop) in the order given, with their times and channels by name. */
export function ReceiptList({ receipts, label }: { receipts: ReceiptRow[]; label: string }) {
  if (!receipts.length) return <span className="text-muted">No receipts yet</span>;
  return (
    <ul aria-label={label} className="space-y-0.5">
      {receipts.map((r, i) => (
        <li key={`${r.type}-${r.time}-${i}`}>
          <span className="font-bold">{RECEIPT_LABEL[r.type] ?? r.type}</span> <AbsoluteTime iso={r.time} />
          {r.channelName ? <span> · {r.channelName}</span> : null}
          {r.info ? <span className="text-muted"> · {r.info}</span> : null}
        </li>
      ))}
    </ul>
  );
}
