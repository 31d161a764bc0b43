// The notifier interface: how the local model reaches people. Activation codes and pages go
// through it. Every message is also kept in the outbox (the Notification table), which the console
// shows in local mode; configured transports (SMTP e-mail, an SMS/voice webhook) deliver for real.

export type ChannelType = "EMAIL" | "SMS" | "VOICE";

export type Message = {
  kind: "ACTIVATION" | "PAGE";
  /** INBOX: the console's own inbox (pages only); otherwise the contact channel's type. */
  channel: ChannelType | "INBOX";
  /** An e-mail address, an E.164 phone number, or the contact ARN for the inbox. */
  address: string;
  subject?: string;
  body: string;
  /** Set for pages: the page and the channel it is delivered to. */
  pageArn?: string;
  channelArn?: string;
  /**
   * A secret the body carries (an activation code). When a transport delivers the message, the
   * outbox keeps the body with it masked: the console shows the outbox to every responder, and
   * only the channel's owner may see the code. With no transport the outbox is the delivery, so
   * the code stays readable there.
   */
  secret?: string;
};

export type DeliveryResult =
  /**
   * `confirmed`: the transport says the message reached its recipient's provider (→ DELIVERED).
   * `kept`: no transport exists for the channel: the outbox's copy is all there is (→ KEPT).
   */
  | { ok: true; confirmed: boolean; kept?: boolean; info?: string }
  | { ok: false; error: string };

export interface Notifier {
  /**
   * Delivers one message. A transport failure is a result (`ok: false`), not an exception: the
   * engagement engine records it as an ERROR receipt.
   */
  send(message: Message): Promise<DeliveryResult>;
  /**
   * Delivers several messages, with one result per message in order (same failure rule). Optional:
   * a notifier that has it keeps a batch's copies in one write, which the engine's tick relies on
   * when thousands of engagements are due (lib/notify/send-all.ts falls back to `send`).
   */
  sendMany?(messages: Message[]): Promise<DeliveryResult[]>;
}

/** Which transports deliver beyond the outbox (lib/config.ts reads them from the environment). */
export type NotifyConfig = {
  /** IM_SMTP_URL: e-mail for EMAIL channels, e.g. smtp://user:pass@mail.example.com:587 */
  smtpUrl?: string;
  /** IM_SMTP_FROM: the From header of those e-mails. */
  smtpFrom?: string;
  /** IM_SMS_WEBHOOK_URL: SMS and VOICE messages are POSTed here as JSON. */
  smsWebhookUrl?: string;
};
