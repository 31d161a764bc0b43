"use server";
// Create and edit an escalation plan (a contact of Type ESCALATION whose stages target contacts).
import { contactFieldFor } from "@/lib/console/contacts/errors";
import { safeAction } from "@/lib/console/core/safe-action";
import { escalationPlanPath } from "@/lib/console/contacts/paths";
import { validation } from "@/lib/im/errors";
import { escalationPlanFormSchema, toCreateEscalationPlanInput, toEscalationPlan } from "./schemas";

/** A contact target's member paths are on its contact field (`...targets.0.contactArn`). */
const fieldFor = (path: string) => contactFieldFor(path)?.replace(/\.channelKey$|\.retry$/, ".contactArn");

export const createEscalationPlanAction = safeAction({
  name: "createEscalationPlanAction",
  input: escalationPlanFormSchema,
  permission: "contacts.write",
  fieldFor,
  conflictField: "alias",
  run: async (values, { im }) => {
    const { ContactArn } = await im.contacts.createContact(toCreateEscalationPlanInput(values));
    return { arn: ContactArn!, alias: values.alias.trim() };
  },
  revalidate: (_values, plan) => ["/escalation-plans", escalationPlanPath(plan.alias)],
});

export const updateEscalationPlanAction = safeAction({
  name: "updateEscalationPlanAction",
  input: escalationPlanFormSchema,
  permission: "contacts.write",
  fieldFor,
  run: async (values, { im }) => {
    const { Alias, Type } = await im.contacts.getContact({ ContactId: values.arn });
    if (Type !== "ESCALATION") throw validation(`${Alias} is a ${Type} contact, not an escalation plan`);
    await im.contacts.updateContact({ ContactId: values.arn, DisplayName: values.displayName.trim(), Plan: toEscalationPlan(values.stages) });
    return { arn: values.arn, alias: Alias! };
  },
  revalidate: (_values, plan) => ["/escalation-plans", escalationPlanPath(plan.alias)],
});
