// What a page says on each kind of channel. The reference splits the content by how safe the
// channel is: Subject/Content are "the secure subject/content ... Use this field for engagements
// to VOICE and EMAIL", PublicSubject/PublicContent "the insecure ... for engagements to SMS"
// (StartEngagement). An SMS without public fields falls back to the subject alone, never the
// secure content, so a responder still learns what the page is about. The console inbox is
// behind a login: it shows the secure text.
import type { ChannelType, Message } from "@/lib/notify/types";

export type PageText = {
  arn: string;
  subject: string | null;
  content: string | null;
  publicSubject: string | null;
  publicContent: string | null;
};

function footer(page: PageText, code: string): string {
  return `\n\nAcknowledge with the code ${code} (page ${page.arn}).`;
}

export function pageMessage(page: PageText, channel: ChannelType | "INBOX", address: string, code: string, channelArn?: string): Message {
  const subject = page.subject ?? "Incident Manager engagement";
  if (channel === "SMS") {
    const publicSubject = page.publicSubject ?? subject;
    return {
      kind: "PAGE",
      channel,
      address,
      subject: publicSubject,
      body: `${page.publicContent ?? publicSubject}\nAcknowledge with code ${code}.`,
      pageArn: page.arn,
      channelArn,
    };
  }
  return {
    kind: "PAGE",
    channel,
    address,
    subject,
    body: `${page.content ?? subject}${footer(page, code)}`,
    pageArn: page.arn,
    channelArn,
  };
}
