// Engagement plans (personal contacts) and escalation plans (ESCALATION contacts): checked against
// the contact they belong to, stored as PlanStage/StageTarget rows in order, read back as given.
//
// What a plan may hold (beyond the model's own limits, which validateInput has checked):
// - a stage may last 0 minutes only if it has a target (reference: Stage, DurationInMinutes "The
//   duration can only be set to 0 if a target is specified");
// - each target is either a channel or a contact (reference: Target), and which one follows the
//   plan's kind: "A contact has an engagement plan with stages that contact specified contact
//   channels. An escalation plan uses stages that contact specified contacts." (CreateContact, Plan);
// - a personal plan names only the contact's own channels: a channel belongs to one contact, and
//   engaging that contact is what pages it;
// - an escalation plan engages personal contacts: a page is one engaged personal contact
//   (DESIGN.md, engagement engine), so an escalation plan inside another has no page to start, and
//   a plan naming itself could never end;
// - an escalation plan's stages may also engage on-call schedules: each stage then pages whoever
//   is on call in the schedule when the stage starts (lib/im/local/engine/on-call.ts);
// - an on-call schedule (ONCALL_SCHEDULE) is its rotations: RotationIds names one or more
//   rotations that exist, and it has no stages — whoever is on call is paged through their own
//   engagement plan; no other kind of contact holds rotations.
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { Prisma, Tx } from "@/lib/db/client";
import { validation, type ValidationField } from "../../errors";
import { newId } from "@/lib/im/arns";

/** The contact a plan is for: its row id (channels are matched by it) and its type. */
export type PlanOwner = { id: string; type: string };

type TargetRow = {
  id: string;
  position: number;
  channelArn: string | null;
  retryIntervalInMinutes: number | null;
  targetContactArn: string | null;
  isEssential: boolean | null;
};

export type StageRows = { id: string; position: number; durationInMinutes: number; targets: TargetRow[] }[];

/** A checked plan: its stages, and (an on-call schedule's) rotations in order. */
export type PlanRows = { stages: StageRows; rotationArns: string[] };

/**
 * Checks a plan against its contact and returns the rows that store it. Every problem is reported
 * at once, each naming its member's path (Plan.Stages[1].Targets[0].ChannelTargetInfo.ContactChannelId),
 * so the console can put it on the right field.
 */
export async function planRows(tx: Tx, owner: PlanOwner, plan: C.Plan | undefined): Promise<PlanRows> {
  const problems: ValidationField[] = [];
  const stages = plan?.Stages ?? [];
  const rotationArns = plan?.RotationIds ?? [];
  const personal = owner.type === "PERSONAL";
  if (owner.type === "ONCALL_SCHEDULE") {
    if (stages.length) {
      problems.push({ name: "Plan.Stages", message: "An on-call schedule pages whoever is on call in its rotations: it has no stages (leave Stages empty)" });
    }
    if (!rotationArns.length) {
      problems.push({ name: "Plan.RotationIds", message: "An on-call schedule needs at least one rotation (CreateRotation)" });
    }
    const known = new Set(
      rotationArns.length ? (await tx.rotation.findMany({ where: { arn: { in: [...new Set(rotationArns)] } }, select: { arn: true } })).map((r) => r.arn) : [],
    );
    const seen = new Set<string>();
    rotationArns.forEach((arn, i) => {
      if (!known.has(arn)) problems.push({ name: `Plan.RotationIds[${i}]`, message: `The rotation ${arn} does not exist` });
      else if (seen.has(arn)) problems.push({ name: `Plan.RotationIds[${i}]`, message: `The rotation ${arn} is listed twice` });
      seen.add(arn);
    });
    if (problems.length) throw validation(problems.length === 1 ? problems[0].message : `The plan has ${problems.length} problems: ${problems.map((p) => p.name).join(", ")}`, problems);
    return { stages: [], rotationArns };
  }
  if (rotationArns.length) {
    problems.push({ name: "Plan.RotationIds", message: "Only an on-call schedule (Type ONCALL_SCHEDULE) is made of rotations: leave RotationIds out" });
  }

  // The channels and contacts the plan names, looked up once.
  const channelArns = stages.flatMap((s) => (s.Targets ?? []).flatMap((t) => (t.ChannelTargetInfo?.ContactChannelId ? [t.ChannelTargetInfo.ContactChannelId] : [])));
  const contactArns = stages.flatMap((s) => (s.Targets ?? []).flatMap((t) => (t.ContactTargetInfo?.ContactId ? [t.ContactTargetInfo.ContactId] : [])));
  const ownChannels = new Set(
    personal && channelArns.length
      ? (await tx.contactChannel.findMany({ where: { contactId: owner.id, arn: { in: [...new Set(channelArns)] } }, select: { arn: true } })).map((c) => c.arn)
      : [],
  );
  const contactTypes = new Map(
    !personal && contactArns.length
      ? (await tx.contact.findMany({ where: { arn: { in: [...new Set(contactArns)] } }, select: { arn: true, type: true } })).map((c) => [c.arn, c.type] as const)
      : [],
  );

  const rows: StageRows = stages.map((stage, i) => {
    const at = `Plan.Stages[${i}]`;
    const targets = stage.Targets ?? [];
    if (stage.DurationInMinutes === 0 && !targets.length) {
      problems.push({ name: `${at}.DurationInMinutes`, message: "A stage can last 0 minutes only if it has a target" });
    }
    return {
      id: newId(),
      position: i,
      durationInMinutes: stage.DurationInMinutes ?? 0,
      targets: targets.map((target, j) => {
        const tat = `${at}.Targets[${j}]`;
        const row: TargetRow = { id: newId(), position: j, channelArn: null, retryIntervalInMinutes: null, targetContactArn: null, isEssential: null };
        const channel = target.ChannelTargetInfo;
        const contact = target.ContactTargetInfo;
        if (!channel === !contact) {
          problems.push({ name: tat, message: "A target is either a contact channel (ChannelTargetInfo) or a contact (ContactTargetInfo): set exactly one" });
        } else if (personal) {
          if (contact) {
            problems.push({ name: `${tat}.ContactTargetInfo`, message: "A personal contact's engagement plan engages its contact channels: use ChannelTargetInfo" });
          } else if (channel?.ContactChannelId && !ownChannels.has(channel.ContactChannelId)) {
            problems.push({ name: `${tat}.ChannelTargetInfo.ContactChannelId`, message: `${channel.ContactChannelId} is not a contact channel of this contact` });
          } else if (channel) {
            row.channelArn = channel.ContactChannelId ?? null;
            row.retryIntervalInMinutes = channel.RetryIntervalInMinutes ?? null;
          }
        } else if (channel) {
          problems.push({ name: `${tat}.ChannelTargetInfo`, message: "An escalation plan engages contacts: use ContactTargetInfo" });
        } else if (contact) {
          const type = contact.ContactId ? contactTypes.get(contact.ContactId) : undefined;
          if (!contact.ContactId) {
            problems.push({ name: `${tat}.ContactTargetInfo.ContactId`, message: "Name the contact to engage" });
          } else if (type === undefined) {
            problems.push({ name: `${tat}.ContactTargetInfo.ContactId`, message: `The contact ${contact.ContactId} does not exist` });
          } else if (type !== "PERSONAL" && type !== "ONCALL_SCHEDULE") {
            problems.push({ name: `${tat}.ContactTargetInfo.ContactId`, message: `${contact.ContactId} is an escalation plan: an escalation plan's stages engage personal contacts and on-call schedules` });
          } else {
            row.targetContactArn = contact.ContactId;
            row.isEssential = contact.IsEssential ?? false;
          }
        }
        return row;
      }),
    };
  });

  if (problems.length) {
    throw validation(problems.length === 1 ? problems[0].message : `The plan has ${problems.length} problems: ${problems.map((p) => p.name).join(", ")}`, problems);
  }
  return { stages: rows, rotationArns: [] };
}

/** Stores a checked plan as the contact's whole plan, replacing what it had. */
export async function replacePlan(tx: Tx, contact: { id: string; arn: string }, plan: PlanRows): Promise<void> {
  const contactId = contact.id;
  await tx.planStage.deleteMany({ where: { contactId } });
  for (const { targets, ...stage } of plan.stages) {
    await tx.planStage.create({ data: { ...stage, contactId, targets: { create: targets } } });
  }
  await tx.scheduleRotation.deleteMany({ where: { contactId } });
  if (plan.rotationArns.length) {
    await tx.scheduleRotation.createMany({ data: plan.rotationArns.map((rotationArn, position) => ({ id: newId(), contactId, contactArn: contact.arn, position, rotationArn })) });
  }
}

/** A contact's stages as they are read: in order, each with its targets in order. */
export const PLAN_STAGES = {
  orderBy: { position: "asc" },
  select: {
    durationInMinutes: true,
    targets: {
      orderBy: { position: "asc" },
      select: { channelArn: true, retryIntervalInMinutes: true, targetContactArn: true, isEssential: true },
    },
  },
} as const satisfies Prisma.Contact$stagesArgs;

/** A contact's plan as it was given: stages and targets in order, each target as its kind. */
export async function readPlan(tx: Pick<Tx, "planStage" | "scheduleRotation">, contactId: string): Promise<C.Plan> {
  const [stages, rotations] = await Promise.all([
    tx.planStage.findMany({ where: { contactId }, ...PLAN_STAGES }),
    tx.scheduleRotation.findMany({ where: { contactId }, orderBy: { position: "asc" }, select: { rotationArn: true } }),
  ]);
  return {
    ...(rotations.length ? { RotationIds: rotations.map((r) => r.rotationArn) } : {}),
    Stages: stages.map((s) => ({
      DurationInMinutes: s.durationInMinutes,
      Targets: s.targets.map((t) =>
        t.channelArn !== null
          ? {
              ChannelTargetInfo: {
                ContactChannelId: t.channelArn,
                ...(t.retryIntervalInMinutes !== null ? { RetryIntervalInMinutes: t.retryIntervalInMinutes } : {}),
              },
            }
          : { ContactTargetInfo: { ContactId: t.targetContactArn ?? undefined, IsEssential: t.isEssential ?? false } },
      ),
    })),
  };
}
