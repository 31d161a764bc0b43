import { describe, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/console/core/safe-action";
import { notFound } from "@/lib/im/errors";
import { reachWarningText } from "./dto";
import { readReachWarnings } from "./reachability";

describe("the warning about a contact who will not be reached", () => {
  it("names the contact, says why, and says nothing when a channel is activated", () => {
    expect(reachWarningText("bob-backup", { activated: 0, total: 2 })).toBe("bob-backup has no activated channel: they will not be reached");
    expect(reachWarningText("bob-backup", { activated: 0, total: 0 })).toBe("bob-backup has no contact channel: they will not be reached");
    expect(reachWarningText("Bob", { activated: 0, total: 1 }, "Payments on-call")).toBe("Bob (in Payments on-call) has no activated channel: they will not be reached");
    expect(reachWarningText("Bob", { activated: 1, total: 2 })).toBeUndefined();
  });
});

describe("reading who will not be reached", () => {
  const arn = (alias: string) => `arn:aws:ssm-contacts:us-east-1:000000000000:contact/${alias}`;
  type Stub = { Alias: string; DisplayName?: string; Type: string; targets?: string[]; channels?: boolean[] };
  const contacts: Record<string, Stub> = {
    [arn("ana")]: { Alias: "ana", DisplayName: "Ana", Type: "PERSONAL", channels: [true, false] },
    [arn("bob-backup")]: { Alias: "bob-backup", Type: "PERSONAL", channels: [false] },
    [arn("cy")]: { Alias: "cy", DisplayName: "Cy", Type: "PERSONAL", channels: [] },
    [arn("payments")]: { Alias: "payments", DisplayName: "Payments on-call", Type: "ESCALATION", targets: [arn("ana"), arn("bob-backup"), arn("gone")] },
  };
  const contactsService = {
    getContact: async ({ ContactId }: { ContactId: string }) => {
      const c = contacts[ContactId];
      if (!c) throw notFound("CONTACT", ContactId);
      return { ...c, Plan: { Stages: [{ DurationInMinutes: 5, Targets: (c.targets ?? []).map((t) => ({ ContactTargetInfo: { ContactId: t, IsEssential: false } })) }] } };
    },
    listContactChannels: async ({ ContactId }: { ContactId: string }) => ({
      ContactChannels: (contacts[ContactId].channels ?? []).map((on, i) => ({ ContactChannelArn: `${ContactId}-ch${i}`, ActivationStatus: on ? "ACTIVATED" : "NOT_ACTIVATED" })),
    }),
  };
  const ctx = { im: { contacts: contactsService } } as unknown as ServiceContext;

  it("names personal contacts without an activated channel, and an escalation plan's, by the plan they are in", async () => {
    const warnings = await readReachWarnings(ctx, [arn("ana"), arn("cy"), arn("payments")]);
    expect(warnings.map((w) => w.message)).toEqual([
      "Cy has no contact channel: they will not be reached",
      "bob-backup (in Payments on-call) has no activated channel: they will not be reached",
    ]);
  });

  it("leaves the plan's name out on the plan's own page, and skips a contact deleted since", async () => {
    const warnings = await readReachWarnings(ctx, [arn("payments")], false);
    expect(warnings.map((w) => w.message)).toEqual(["bob-backup has no activated channel: they will not be reached"]);
  });
});
