// The client error module: a request that fails is a network error, a refusal keeps the AWS
// exception name, and every error value shows as a name and a message.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConsoleError, errorOf, NETWORK_ERROR, readJson, settle, unwrap } from "./errors";
import type { ActionResult } from "./result";

const refused: ActionResult<never> = { ok: false, error: { name: "ConflictException", message: "Already resolved." } };
const lost = () => Promise.reject(new TypeError("Failed to fetch"));

describe("client errors", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("settle returns the action's result, and NETWORK_ERROR when the request fails", async () => {
    expect(await settle(async () => ({ ok: true, data: 1 }))).toEqual({ ok: true, data: 1 });
    expect(await settle(async () => refused)).toEqual(refused);
    expect(await settle(lost)).toEqual({ ok: false, error: NETWORK_ERROR });
  });

  it("unwrap returns the data, or throws a ConsoleError with the refusal or NETWORK_ERROR", async () => {
    expect(await unwrap(async () => ({ ok: true, data: "done" }))).toBe("done");
    await expect(unwrap(async () => refused)).rejects.toEqual(new ConsoleError(refused.error));
    const thrown = await unwrap(lost).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ConsoleError);
    expect(errorOf(thrown)).toEqual(NETWORK_ERROR);
  });

  it("readJson throws the error the route handler answered, or the status when the body is no error", async () => {
    const answer = (status: number, body: string) => vi.stubGlobal("fetch", async () => new Response(body, { status }));
    answer(200, '{"items":[]}');
    expect(await readJson("/api/x")).toEqual({ items: [] });
    answer(404, '{"name":"ResourceNotFoundException","message":"No such plan."}');
    expect(errorOf(await readJson("/api/x").catch((e: unknown) => e))).toEqual({ name: "ResourceNotFoundException", message: "No such plan." });
    answer(502, "<html>Bad gateway</html>");
    expect(errorOf(await readJson("/api/x").catch((e: unknown) => e))).toEqual({ name: "InternalServerException", message: "The console answered 502." });
  });

  it("errorOf shows nothing for no error, and a plain message for any other error", () => {
    expect(errorOf(null)).toBeNull();
    expect(errorOf(undefined)).toBeNull();
    expect(errorOf(new TypeError("Failed to fetch"))).toEqual({ name: "Error", message: "Failed to fetch" });
    expect(errorOf("boom")).toEqual({ name: "Error", message: "Something went wrong. Try again." });
  });
});
