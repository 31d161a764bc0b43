// Console URLs of the Alerts page. Client-safe.
import { alertListSearch, type AlertFilter } from "./filters";

/** The Alerts page, narrowed by `filter` (its URL is the filter). */
export function alertsPath(filter: AlertFilter = {}): string {
  return `/alerts${alertListSearch(filter)}`;
}
