// What the builder's preview route answers. Client-safe.
import type { ShiftView } from "../dto";

export type RotationPreview = {
  from: string;
  to: string;
  shifts: ShiftView[];
  /** Why there are no shifts: the model's complaints, each on a field of the rotation's form. */
  problems: { field: string; message: string }[];
};
