"use server";
// Create and edit an on-call schedule with its rotations: one action does the whole save
// (save-schedule.ts), so the form gets one answer with the model's complaints on its fields.
import { safeAction } from "@/lib/console/core/safe-action";
import { SCHEDULES_PATH, schedulePath } from "../paths";
import { saveSchedule } from "./save-schedule";
import { scheduleField, scheduleFormSchema } from "./schemas";

export const saveScheduleAction = safeAction({
  name: "saveScheduleAction",
  input: scheduleFormSchema,
  permission: "contacts.write",
  fieldFor: scheduleField,
  conflictField: "alias",
  run: (values, { im }) => saveSchedule(im.contacts, values),
  revalidate: (_values, saved) => [SCHEDULES_PATH, schedulePath(saved.alias)],
});
