// /api/health is public: when the database fails it says so, and nothing of why.
import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET_DETAIL = "connect ECONNREFUSED 10.0.0.5:5432 (user im_admin, database prod_incidents)";

vi.mock("@/lib/db/client", () => ({
  db: () => ({
    $queryRawUnsafe: async () => {
      throw new Error(SECRET_DETAIL);
    },
  }),
}));

describe("GET /api/health", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers degraded with a status only, and logs the reason once", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { GET } = await import("@/app/api/health/route");
    const { config } = await import("@/lib/config");
    for (let i = 0; i < 3; i++) {
      const res = await GET();
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: "degraded", backend: config().backend, database: { ok: false, provider: config().databaseProvider } });
      expect(text).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|im_admin|prod_incidents/);
    }
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][1])).toContain("ECONNREFUSED");
  });
});
