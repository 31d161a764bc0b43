// react-query keys of "My pages". Client-safe.

export const pageKeys = {
  all: ["pages"] as const,
  mine: () => [...pageKeys.all, "mine"] as const,
};
