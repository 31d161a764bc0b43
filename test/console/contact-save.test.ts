// Saving the contact form is several calls (lib/console/contacts/save-contact.ts): a save cut off
// between two of them — the server stopped or died, so not even the undo ran — is completed by
// sending it again with the same request id, without a duplicate-alias refusal or a second copy
// of a channel; a save the server refused leaves no contact behind.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createContactWithChannels, updateContactWithChannels } from "@/lib/console/contacts/save-contact";
import type { ContactFormValues } from "@/lib/console/contacts/schemas";
import type { Services } from "@/lib/im";
import { localServices } from "@/lib/im/local";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

/** The services of a process that dies at the `nth` call of `operation`: that call and every later one fail. */
function diesAt(im: Services, operation: keyof Services["contacts"], nth = 1): Services {
  let dead = false;
  let calls = 0;
  const contacts = new Proxy(im.contacts, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (input: unknown) => {
        if (property === operation && ++calls === nth) dead = true;
        if (dead) return Promise.reject(new Error(`the server stopped before ${String(property)}`));
        return (value as (i: unknown) => Promise<unknown>).call(target, input);
      };
    },
  });
  return { ...im, contacts };
}

const form = (alias: string, channels: ContactFormValues["channels"], arn = ""): ContactFormValues => ({
  arn,
  alias,
  displayName: "On call",
  channels,
  stages: [{ duration: "5", targets: channels.map((c) => ({ channelKey: c.key, retry: "1" })) }],
});
const email = (key: string, address: string, arn = "") => ({ key, arn, type: "EMAIL" as const, name: key, address });

describe.each(PROVIDERS)("saving a contact with channels on %s", (provider) => {
  let t: TestDatabase;
  let im: Services;
  beforeAll(async () => {
    // The undo's own failure is logged: expected here, where the "server" is gone.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    t = await createTestDatabase(provider);
    im = localServices({ principalArn: "arn:aws:iam::000000000000:user/admin" }, { db: t.db, accountId: "000000000000", region: "us-east-1" });
  });
  afterAll(async () => t.cleanup());

  async function saved(arn: string) {
    const contact = await im.contacts.getContact({ ContactId: arn });
    const channels = (await im.contacts.listContactChannels({ ContactId: arn })).ContactChannels ?? [];
    const planChannels = contact.Plan?.Stages?.flatMap((s) => s.Targets?.map((x) => x.ChannelTargetInfo?.ContactChannelId) ?? []) ?? [];
    return { channels: channels.map((c) => c.DeliveryAddress?.SimpleAddress).sort(), planNamesThem: planChannels.sort().join() === channels.map((c) => c.ContactChannelArn).sort().join() };
  }

  it.each([
    ["its second channel", "createContactChannel", 2],
    ["its plan", "updateContact", 1],
  ] as const)("completes a create cut off before %s when it is sent again", async (_, operation, nth) => {
    const values = form(`cut-at-${operation.toLowerCase()}`, [email("a", "a@example.com"), email("b", "b@example.com")]);
    const requestId = `req-create-${operation}`;
    await expect(createContactWithChannels(diesAt(im, operation, nth), values, requestId)).rejects.toThrow(/stopped/);

    const { arn } = await createContactWithChannels(im, values, requestId);
    expect(await saved(arn)).toEqual({ channels: ["a@example.com", "b@example.com"], planNamesThem: true });
  });

  it("completes an update cut off before the plan when it is sent again, with one copy of the new channel", async () => {
    const { arn } = await createContactWithChannels(im, form("update-cut", [email("a", "a@example.com"), email("b", "b@example.com")]), "req-update-base");
    const channels = (await im.contacts.listContactChannels({ ContactId: arn })).ContactChannels!;
    const a = channels.find((c) => c.DeliveryAddress?.SimpleAddress === "a@example.com")!;
    // Keep a, drop b, add c.
    const values = form("update-cut", [email("a", "a@example.com", a.ContactChannelArn), email("c", "c@example.com")], arn);
    await expect(updateContactWithChannels(diesAt(im, "updateContact"), values, "req-update")).rejects.toThrow(/stopped/);
    const channelC = async () => (await im.contacts.listContactChannels({ ContactId: arn })).ContactChannels!.filter((c) => c.DeliveryAddress?.SimpleAddress === "c@example.com").map((c) => c.ContactChannelArn);
    const madeByFirstTry = await channelC();
    expect(madeByFirstTry).toHaveLength(1);

    await updateContactWithChannels(im, values, "req-update");
    expect(await saved(arn)).toEqual({ channels: ["a@example.com", "c@example.com"], planNamesThem: true });
    // The channel the first try made, not a second one (which would be sent a second activation code).
    expect(await channelC()).toEqual(madeByFirstTry);
  });

  it("leaves no contact behind when the service refuses a channel, so a corrected save can use the alias", async () => {
    const refusing: Services = {
      ...im,
      contacts: new Proxy(im.contacts, {
        get(target, property, receiver) {
          if (property === "createContactChannel") return () => Promise.reject(new Error("refused"));
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      }),
    };
    const values = form("refused-channel", [email("a", "a@example.com")]);
    await expect(createContactWithChannels(refusing, values, "req-refused-1")).rejects.toThrow(/refused/);
    expect((await im.contacts.listContacts({ AliasPrefix: "refused-channel" })).Contacts).toEqual([]);

    const { arn } = await createContactWithChannels(im, values, "req-refused-2");
    expect(await saved(arn)).toEqual({ channels: ["a@example.com"], planNamesThem: true });
  });
});
