// What a server action (or a console read) returns: data, or an error the user may see.
// Client-safe: forms import these types.

/** A field error, named by the form field it belongs to. */
export type FieldError = { name: string; message: string };

export type ActionError = {
  /** The AWS exception name (ValidationException, ConflictException, ...). */
  name: string;
  message: string;
  fields?: FieldError[];
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
