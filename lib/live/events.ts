// What the live stream carries: that something changed, and what. Consoles refetch what they show
// when an event arrives; the event itself never carries data a viewer couldn't read anyway (an
// operation name and an ARN), so one stream serves every signed-in user.
// "console-alerts" is the console's own alert intake (lib/console/alerts): AlertsReceived after a
// delivery is stored, AlertsSettled after the processing job settled alerts' outcomes.
export type LiveService = "ssm-incidents" | "ssm-contacts" | "console-alerts";

export type LiveEvent = {
  service: LiveService;
  /** The contract operation that changed something (e.g. "CreateTimelineEvent"), "EngineTick", or the alert intake's "AlertsReceived" / "AlertsSettled". */
  operation: string;
  /** The resource it changed, when the input or output names one. */
  arn?: string;
  /** Milliseconds since the epoch, when it was published. */
  at: number;
};

/** Reads never change anything: only other operations are published. */
export function isMutation(operation: string): boolean {
  return !/^(Get|List|Describe|BatchGet)/.test(operation);
}

const ARN_MEMBERS = ["arn", "incidentRecordArn", "resourceArn", "ContactArn", "ContactId", "EngagementId", "PageId", "EngagementArn", "ContactChannelArn", "ContactChannelId"];

/** The first ARN-like member of an operation's input or output. */
export function arnOf(...shapes: unknown[]): string | undefined {
  for (const shape of shapes) {
    if (!shape || typeof shape !== "object") continue;
    for (const key of ARN_MEMBERS) {
      const value = (shape as Record<string, unknown>)[key];
      if (typeof value === "string" && value.startsWith("arn:")) return value;
    }
  }
  return undefined;
}
