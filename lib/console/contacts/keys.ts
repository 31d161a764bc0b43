// react-query keys of contact reads. Client-safe.
import type { ContactListFilter } from "./dto";

export const contactKeys = {
  all: ["contacts"] as const,
  lists: () => [...contactKeys.all, "list"] as const,
  list: (filter: ContactListFilter) => [...contactKeys.lists(), filter] as const,
  references: (arn: string) => [...contactKeys.all, "references", arn] as const,
  outbox: (channelArn: string) => [...contactKeys.all, "outbox", channelArn] as const,
  options: () => [...contactKeys.all, "options"] as const,
  reachability: (arns: string[]) => [...contactKeys.all, "reachability", arns] as const,
};
