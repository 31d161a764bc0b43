"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text` to the clipboard and says so (for a screen reader too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        aria-label={label}
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied("yes"),
            () => setCopied("failed"),
          )
        }
      >
        Copy
      </Button>
      <span role="status" className="text-sm text-muted">
        {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed: select the text instead" : ""}
      </span>
    </span>
  );
}
