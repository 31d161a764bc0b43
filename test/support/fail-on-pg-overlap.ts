// vitest setup file: a test run fails when pg prints "Calling client.query() when the client is
// already executing a query is deprecated" — overlapping queries on one pg.Client, which pg 9
// refuses (lib/db/pg-serialized.ts removed the one cause there was). pg emits it through
// util.deprecate as a process warning, once per process, on the next tick.
import { afterAll, afterEach } from "vitest";

const OVERLAP = /client\.query\(\) when the client is already executing a query/;
const seen: Error[] = [];

process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && OVERLAP.test(warning.message)) seen.push(warning);
});

function check() {
  const [first] = seen.splice(0);
  if (first) {
    throw new Error(
      `pg warned of overlapping queries on one client (an error in pg 9): serialise or pool them.\n${first.stack ?? first.message}`,
    );
  }
}

// Each test, so the failure names the test (or the one after, as the warning comes a tick late);
// and once more for hooks and warnings that arrive after the file's last test.
afterEach(check);
afterAll(async () => {
  await new Promise((r) => setImmediate(r));
  check();
});
