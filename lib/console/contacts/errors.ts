// Puts the member paths of a failed channel call on the contact form's channel fields: the
// contact actions make several calls, and a channel call's `Name` is `channels.2.name` on the form.
import "server-only";
import type { FieldFor } from "@/lib/console/core/model-rules";
import { ImError, isImError } from "@/lib/im/errors";
import { channelField, contactPlanField } from "./schemas";

/** Runs a call on channel `i` of the form; a ValidationException's fields come back prefixed `channels[i].`. */
export async function onChannel<T>(i: number, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (isImError(e) && e.code === "ValidationException" && e.details.fields) {
      throw new ImError(e.code, e.message, { ...e.details, fields: e.details.fields.map((f) => ({ ...f, name: `channels[${i}].${f.name}` })) });
    }
    throw e;
  }
}

/** Form field of a CreateContact/UpdateContact member path, or of a prefixed channel path. */
export const contactFieldFor: FieldFor = (path) => {
  const channel = /^channels\[(\d+)\]\.(.*)$/.exec(path);
  const field = channel ? channelField(Number(channel[1]), channel[2]) : contactPlanField(path);
  return field?.join(".");
};
