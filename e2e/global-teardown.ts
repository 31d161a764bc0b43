import { rmSync } from "node:fs";
import { e2eDataDir } from "./support/env";

export default async function globalTeardown() {
  // The server is stopped right after this; its database was this run's alone.
  rmSync(e2eDataDir(), { recursive: true, force: true });
}
