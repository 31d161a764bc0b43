// The console's process-wide seams, faked for tests of its actions and route handlers on a real
// database and the real local services: the process's database (`db()`), its configuration (local
// or aws mode), its services, and the signed-in user (the permission check is the real map's).
// A test file declares the mocks it needs, each a line, and sets `consoleState` as it goes:
//
//   vi.mock("@/lib/db/client", (original) => import("../support/console-seams").then((s) => s.dbModule(original)));
//   vi.mock("@/lib/auth/session", () => import("../support/console-seams").then((s) => s.sessionModule()));
//
// (vi.mock is hoisted above the imports, so its factory reaches this module through import().)
// Nothing here imports a mocked module at load time: what it needs, it imports when called.
import type { Db } from "@/lib/db/client";

export type TestUser = { id: string; email: string; name: string; role: "admin" | "responder" | "viewer" };

export const consoleState: { db?: Db; user: TestUser | null; backend: "local" | "aws" } = { user: null, backend: "local" };

type Original = <T = unknown>() => Promise<T>;

/** `@/lib/db/client` with the test's database as the process's. */
export async function dbModule(original: Original) {
  return { ...(await original<object>()), db: () => consoleState.db };
}

/** `@/lib/config` with the configuration of an empty environment, in the test's mode. */
export async function configModule(original: Original) {
  const real = await original<typeof import("@/lib/config")>();
  return { ...real, config: () => ({ ...real.readConfig({} as NodeJS.ProcessEnv), backend: consoleState.backend }) };
}

/** `@/lib/bootstrap/services`: the local services on the test's database. */
export async function servicesModule() {
  const { localServices } = await import("@/lib/im/local");
  return { services: (caller: { principalArn: string }) => localServices(caller, { db: consoleState.db!, accountId: "000000000000", region: "us-east-1" }) };
}

/** `@/lib/auth/session`: whoever the test signed in, checked against the real permission map. */
export async function sessionModule() {
  const { can } = await import("@/lib/auth/permissions");
  const { ImError, accessDenied } = await import("@/lib/im/errors");
  return {
    getSession: async () => consoleState.user,
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!consoleState.user) throw new ImError("AccessDeniedException", "Sign in to continue.");
      if (!can(consoleState.user.role, permission)) throw accessDenied(`Your role (${consoleState.user.role}) does not allow ${permission}.`);
      return consoleState.user;
    },
  };
}
