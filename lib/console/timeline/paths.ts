// The timeline's place in the incident page's URL. Client-safe.

/** `?new=1` on the Timeline tab opens the new-event dialog (so "n" works from any tab). */
export const NEW_EVENT_PARAM = "new";
