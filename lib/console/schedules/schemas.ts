// The override form's input, as the server action parses it. Times are instants (ISO with an
// offset): the browser turns the viewer's wall-clock minutes into them with the viewer's zone.
import { z } from "zod";

const instant = z.iso.datetime({ offset: true, message: "Enter a date and time." });

export const createOverrideSchema = z
  .object({
    /** The schedule the override is made from (its page is refreshed). */
    alias: z.string().min(1),
    rotationArn: z.string().startsWith("arn:", "Choose a rotation."),
    /** Who covers; none leaves the time uncovered (a gap), which the form warns about first. */
    people: z.array(z.string().startsWith("arn:")),
    start: instant,
    end: instant,
    /** Retrying with the same token creates one override (IdempotencyToken). */
    requestId: z.uuid(),
  })
  .refine((v) => Date.parse(v.end) > Date.parse(v.start), { path: ["end"], message: "The end must be after the start." });

export type CreateOverrideInput = z.input<typeof createOverrideSchema>;

export const deleteOverrideSchema = z.object({
  alias: z.string().min(1),
  rotationArn: z.string().startsWith("arn:"),
  overrideId: z.string().min(1),
});
