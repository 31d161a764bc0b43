// Small helpers the ssm-contacts suites share: unique names, reading error members the same way
// whichever way the suite runs (the SDK copies modeled members onto its error; in-process and the
// AWS backend carry them in ImError.details), activation codes from the outbox, and a contact with
// an activated channel in one call.
import { randomInt, randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ContactsTarget } from "../contacts.contract";

export const unique = () => randomUUID().slice(0, 8);

/** A unique e-mail address, so a test reads only its own messages from the outbox. */
export const uniqueEmail = (tag = "contact") => `${tag}-${unique()}@example.com`;

/** A unique E.164 phone number (+1 and ten digits). */
export const uniquePhone = () => `+1${randomInt(200, 1000)}${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;

type AnyError = Error & {
  Fields?: { Name?: string; Message?: string }[];
  Reason?: string;
  ResourceId?: string;
  ResourceType?: string;
  details?: { fields?: { name: string; message: string }[]; reason?: string; resourceId?: string; resourceType?: string };
};

/** ValidationException.Fields as [{ name, message }]. */
export function fieldsOf(err: Error): { name: string; message: string }[] {
  const e = err as AnyError;
  if (e.Fields) return e.Fields.map((f) => ({ name: f.Name ?? "", message: f.Message ?? "" }));
  return e.details?.fields ?? [];
}

/** ValidationException.Reason. */
export const reasonOf = (err: Error) => (err as AnyError).Reason ?? (err as AnyError).details?.reason;

/** ResourceNotFoundException / ConflictException's ResourceId and ResourceType. */
export function resourceOf(err: Error): { id?: string; type?: string } {
  const e = err as AnyError;
  return { id: e.ResourceId ?? e.details?.resourceId, type: e.ResourceType ?? e.details?.resourceType };
}

/** Asserts a ValidationException names exactly these fields (in any order). */
export function expectFields(err: Error, ...names: string[]) {
  expect(err.name).toBe("ValidationException");
  expect(reasonOf(err)).toBe("FIELD_VALIDATION_FAILED");
  expect(fieldsOf(err).map((f) => f.name).sort()).toEqual([...names].sort());
}

/** The code in the latest activation message sent to an address. */
export async function activationCode(t: ContactsTarget, address: string): Promise<string> {
  const messages = (await t.outbox(address)).filter((m) => m.kind === "ACTIVATION");
  const last = messages[messages.length - 1];
  const code = last && /activation code is (\d{6})/.exec(last.body)?.[1];
  if (!code) throw new Error(`no activation code was sent to ${address}`);
  return code;
}

/** A new personal contact with an empty plan. */
export async function newPersonalContact(t: ContactsTarget, tag = "person") {
  const alias = `${tag}-${unique()}`;
  const { ContactArn } = await t.contacts.createContact({ Alias: alias, DisplayName: `Contact ${alias}`, Type: "PERSONAL", Plan: { Stages: [] } });
  return { arn: ContactArn!, alias };
}

/** A channel of a contact, activated with the code it was sent. */
export async function newActivatedChannel(
  t: ContactsTarget,
  contactArn: string,
  channel: { Type: "EMAIL" | "SMS" | "VOICE"; address?: string; Name?: string } = { Type: "EMAIL" },
) {
  const address = channel.address ?? (channel.Type === "EMAIL" ? uniqueEmail() : uniquePhone());
  const { ContactChannelArn } = await t.contacts.createContactChannel({
    ContactId: contactArn,
    Name: channel.Name ?? `${channel.Type.toLowerCase()} channel`,
    Type: channel.Type,
    DeliveryAddress: { SimpleAddress: address },
  });
  await t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn!, ActivationCode: await activationCode(t, address) });
  return { arn: ContactChannelArn!, address };
}
