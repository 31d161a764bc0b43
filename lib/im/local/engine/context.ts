import type { LocalContext } from "../context";

/** What the engine needs of the local model's context (no caller: the engine acts for no one). */
export type EngineContext = Pick<LocalContext, "db" | "clock" | "notifier" | "accountId" | "region">;
