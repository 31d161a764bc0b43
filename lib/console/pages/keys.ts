// react-query keys of "My pages". Client-safe.

export const pageKeys = {
  all: ["pages"] as const,
  mine: () => [...pageKeys.all, "mine"] as const,
  /** Under all: what refreshes My pages (an acknowledgement, a linked contact, a live event) refreshes the count. */
  unacknowledged: () => [...pageKeys.all, "unacknowledged"] as const,
};
