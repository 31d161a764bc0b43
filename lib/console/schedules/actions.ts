"use server";
// Overrides of an on-call schedule's rotations: cover a shift (or part of one) with other people,
// and delete an override. Responders and admins (contacts.write); a viewer's call is refused by
// safeAction before its input is read. ssm-contacts records no author, so the console keeps who
// made each override (overrides-authors.ts).
import { safeAction } from "@/lib/console/core/safe-action";
import { forgetOverrideAuthor, recordOverrideAuthor } from "./overrides-authors";
import { schedulePath, SCHEDULES_PATH } from "./paths";
import { createOverrideSchema, deleteOverrideSchema } from "./schemas";

export const createOverrideAction = safeAction({
  name: "createOverrideAction",
  input: createOverrideSchema,
  permission: "contacts.write",
  fieldFor: (member) => ({ NewContactIds: "people", StartTime: "start", EndTime: "end", RotationId: "rotationArn" })[member.split(".")[0]],
  run: async ({ rotationArn, people, start, end, requestId }, { im, user }) => {
    const { RotationOverrideId } = await im.contacts.createRotationOverride({
      RotationId: rotationArn,
      NewContactIds: people,
      StartTime: new Date(start),
      EndTime: new Date(end),
      IdempotencyToken: requestId,
    });
    await recordOverrideAuthor(rotationArn, RotationOverrideId!, user.email);
    return { id: RotationOverrideId! };
  },
  revalidate: ({ alias }) => [SCHEDULES_PATH, schedulePath(alias)],
});

export const deleteOverrideAction = safeAction({
  name: "deleteOverrideAction",
  input: deleteOverrideSchema,
  permission: "contacts.write",
  run: async ({ rotationArn, overrideId }, { im }) => {
    await im.contacts.deleteRotationOverride({ RotationId: rotationArn, RotationOverrideId: overrideId });
    await forgetOverrideAuthor(overrideId);
    return { id: overrideId };
  },
  revalidate: ({ alias }) => [SCHEDULES_PATH, schedulePath(alias)],
});
