// The Markdown export escapes only what Markdown would read as markup (issue 16): ordinary text —
// Regions, e-mail addresses, file names, numbers — stays as written in the raw file, and what
// would be markup still renders as the text a person wrote.
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "@/components/timeline/export-timeline";

describe("escapeMarkdown", () => {
  it("leaves ordinary text alone", () => {
    for (const text of [
      "us-east-1",
      "admin@example.com",
      "Rolled back to v2.3.1 (see runbook).",
      "snake_case_name and file_name.txt",
      "50% of requests fail! Really?",
      "2024 was a long year",
      "-5 degrees",
      "#hashtag",
      "a & b",
      "https://example.com/a_b?x=1&y=2",
    ]) {
      expect(escapeMarkdown(text), text).toBe(text);
    }
  });

  it("escapes what would be markup", () => {
    expect(escapeMarkdown("DB *down*")).toBe("DB \\*down\\*");
    expect(escapeMarkdown("_emphasis_ here")).toBe("\\_emphasis\\_ here");
    expect(escapeMarkdown("see [the doc](http://x)")).toBe("see \\[the doc\\](http://x)");
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("\\<script>alert(1)\\</script>");
    expect(escapeMarkdown("`code` a|b ~~old~~ C:\\temp")).toBe("\\`code\\` a\\|b \\~\\~old\\~\\~ C:\\\\temp");
    expect(escapeMarkdown("&amp; stays &amp;")).toBe("\\&amp; stays \\&amp;");
  });

  it("escapes a line's start that would make a block", () => {
    expect(escapeMarkdown("# Not a heading")).toBe("\\# Not a heading");
    expect(escapeMarkdown("> not a quote")).toBe("\\> not a quote");
    expect(escapeMarkdown("- not a list\n+ nor this\n1. nor this\n2) nor this")).toBe("\\- not a list\n\\+ nor this\n1\\. nor this\n2\\) nor this");
    expect(escapeMarkdown("text\n---\n===")).toBe("text\n\\---\n\\===");
  });
});
