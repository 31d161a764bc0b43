// Delivery-address rules of contact channels that the JSON model doesn't carry (SimpleAddress is
// only 1..320 characters there) but the reference text does: "SMS - '+' followed by the country
// code and phone number; VOICE - the same; EMAIL - any standard email format" (reference:
// ContactChannelAddress). Client-safe: the local model and the console's forms share them, so a
// form's inline error is the one the server would answer with.

/** E.164: '+', a country code that never starts with 0, at most 15 digits. */
export const PHONE_ADDRESS = /^\+[1-9][0-9]{6,14}$/;
export const EMAIL_ADDRESS = /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export const PHONE_ADDRESS_MESSAGE = "Must be '+' followed by the country code and phone number (E.164)";
export const EMAIL_ADDRESS_MESSAGE = "Must be an e-mail address";

/** What is wrong with an address for a channel type, or undefined. */
export function addressProblem(type: string, address: string): string | undefined {
  if ((type === "SMS" || type === "VOICE") && !PHONE_ADDRESS.test(address)) return PHONE_ADDRESS_MESSAGE;
  if (type === "EMAIL" && !EMAIL_ADDRESS.test(address)) return EMAIL_ADDRESS_MESSAGE;
  return undefined;
}
