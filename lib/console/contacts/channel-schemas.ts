// Inputs of the channel actions (activation, deactivation), checked against the model.
import { z } from "zod";
import { shapeProblems } from "@/lib/im/model/validate";
import { fieldMessage } from "../core/model-rules";

/** Which channel, and the contact's alias (the page to refresh). */
export const channelRefSchema = z.object({ channelArn: z.string().min(1), alias: z.string() });

/** The activation code form: six to ten digits (the model's ActivationCode). */
export const activationCodeSchema = channelRefSchema.extend({ code: z.string() }).superRefine((v, ctx) => {
  for (const p of shapeProblems("ssm-contacts", "ActivateContactChannelRequest", { ContactChannelId: v.channelArn, ActivationCode: v.code.trim() })) {
    if (p.name === "ActivationCode") ctx.addIssue({ code: "custom", path: ["code"], message: fieldMessage(p.message) });
  }
});
