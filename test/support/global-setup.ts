// vitest global setup: one running console per database provider, for the contract suite's
// "through the endpoint" ways. Tests read them with inject("consoleServers").
import type { TestProject } from "vitest/node";
import { startConsoleServer, type ConsoleServer } from "./console-server";
import { createTestDatabaseUrl, PROVIDERS, type Provider } from "./databases";

export type ServerInfo = { provider: Provider; url: string; databaseUrl: string };

declare module "vitest" {
  export interface ProvidedContext {
    consoleServers: ServerInfo[];
  }
}

export default async function setup(project: TestProject) {
  const started: { server: ConsoleServer; drop(): Promise<void> }[] = [];
  const infos: ServerInfo[] = [];
  try {
    for (const provider of PROVIDERS) {
      const { url: databaseUrl, drop } = await createTestDatabaseUrl(provider);
      const server = await startConsoleServer({ databaseUrl });
      started.push({ server, drop });
      infos.push({ provider, url: server.url, databaseUrl });
    }
  } catch (e) {
    for (const s of started) await s.server.stop();
    throw e;
  }
  project.provide("consoleServers", infos);
  return async () => {
    for (const s of started) {
      await s.server.stop();
      await s.drop();
    }
  };
}
