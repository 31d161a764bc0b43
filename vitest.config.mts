import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: { "server-only": fileURLToPath(new URL("./test/support/empty.ts", import.meta.url)) },
  },
  test: {
    testTimeout: 30_000,
    // Passwords hashed at OWASP's cost take ~0.4 s each; tests that only need a user use less
    // (lib/auth/password.test.ts checks the real cost).
    // One server key for every test (lib/secrets): none is written into the checkout's .data.
    env: { IM_PASSWORD_SCRYPT_LOG2N: "12", IM_SECRET_KEY: "dGVzdC1zZXJ2ZXIta2V5LXRoaXJ0eS10d28tYnl0ZXM=" },
    hookTimeout: 120_000,
    // pg's overlapping-query deprecation fails the run instead of scrolling past (issue 11).
    setupFiles: ["test/support/fail-on-pg-overlap.ts"],
    projects: [
      {
        // Unit, data-layer and in-process contract tests: no server needed.
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "test/**/*.test.ts"], exclude: ["test/endpoint/**"] },
      },
      {
        // Tests through the running console (`next start` of the production build), one per database.
        extends: true,
        test: { name: "endpoint", include: ["test/endpoint/**/*.test.ts"], globalSetup: ["test/support/global-setup.ts"] },
      },
    ],
  },
});
