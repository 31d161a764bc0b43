// The documented webhook bodies of test/fixtures/alerts/<kind>/ (each folder's README names where
// they come from), read fresh for each test so a test may change its copy.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type FixtureKind = "alertmanager" | "grafana" | "pagerduty" | "generic";

const DIR = path.join(process.cwd(), "test", "fixtures", "alerts");

/** The parsed JSON of test/fixtures/alerts/<kind>/<name>.json. */
export function alertFixture<T = Record<string, unknown>>(kind: FixtureKind, name: string): T {
  return JSON.parse(readFileSync(path.join(DIR, kind, `${name}.json`), "utf8")) as T;
}

/** Every fixture name of a kind (without ".json"). */
export function alertFixtureNames(kind: FixtureKind): string[] {
  return readdirSync(path.join(DIR, kind))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}
