// The builder's live preview: ListPreviewRotationShifts on the rotation as the form holds it (not
// saved), with members by name. A rotation the model refuses is an answer too: its problems on
// the form's fields, for the preview to show where the shifts would be.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import { fieldMessage } from "@/lib/console/core/model-rules";
import { isImError, validation } from "@/lib/im/errors";
import { personOf, type ShiftView } from "../dto";
import type { RotationPreview } from "./dto";
import { knownPeople } from "../queries";
import { rotationField, rotationProblems, rotationSchema, toPreviewInput } from "./schemas";

/** The longest preview (the API lists at most 732 days; a preview is about the coming weeks). */
export const MAX_PREVIEW_DAYS = 62;
/** Shifts a preview lists at most (a daily rotation of two months, split by coverage windows). */
const MAX_PREVIEW_SHIFTS = 500;

export function previewRotation(raw: unknown, from: Date, days: number) {
  return withServices("previewRotation", "contacts.read", async (ctx): Promise<RotationPreview> => {
    const parsed = rotationSchema.safeParse(raw);
    if (!parsed.success) throw validation("The rotation to preview is not in the form's shape");
    if (!(days > 0 && days <= MAX_PREVIEW_DAYS)) throw validation(`Preview 1 to ${MAX_PREVIEW_DAYS} days`, [{ name: "days", message: `Must be 1 to ${MAX_PREVIEW_DAYS}` }]);
    const r = parsed.data;
    const to = new Date(from.getTime() + days * 86_400_000);
    const range = { from: from.toISOString(), to: to.toISOString() };
    const problems = rotationProblems(r).filter(([field]) => field !== "name");
    if (problems.length) return { ...range, shifts: [], problems: problems.map(([field, message]) => ({ field, message })) };
    try {
      const [people, page] = await Promise.all([knownPeople(ctx), ctx.im.contacts.listPreviewRotationShifts({ ...toPreviewInput(r, from, to), MaxResults: MAX_PREVIEW_SHIFTS })]);
      const shifts = (page.RotationShifts ?? []).map(
        (s): ShiftView => ({
          rotationArn: r.arn,
          start: s.StartTime!.toISOString(),
          end: s.EndTime!.toISOString(),
          type: "REGULAR",
          people: (s.ContactIds ?? []).map((c) => personOf(c, people)),
          replaced: [],
        }),
      );
      return { ...range, shifts, problems: [] };
    } catch (e) {
      if (!isImError(e) || e.code !== "ValidationException") throw e;
      const fields = e.details.fields?.length ? e.details.fields : [{ name: "Recurrence", message: e.message }];
      return { ...range, shifts: [], problems: fields.map((f) => ({ field: rotationField(r, f.name) ?? "recurrence.kind", message: fieldMessage(f.message) })) };
    }
  });
}
