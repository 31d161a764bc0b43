// A console of a spec's own, on its own database, for what must not touch the consoles the other
// specs share: deleting the replication set deletes all Incident Manager data. In the aws-mode
// project it is a pair, as the shared one is: an aws-mode console in front of a local model.
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BOOTSTRAP_KEY, startConsoleServer, type ConsoleServer } from "../../test/support/console-server";
import { addUsers } from "../global-setup";
import { USERS, type E2eRole } from "./env";
import { signInThroughApi } from "./fixtures";

export type IsolatedConsole = {
  /** The console the browser uses (aws mode in the aws-mode project). */
  url: string;
  /** The SDK clients on the local model behind it, with its bootstrap key. */
  incidents: SSMIncidents;
  contacts: SSMContacts;
  /** A page of a new browser context signed in to this console. */
  pageAs(browser: Browser, role: E2eRole): Promise<Page>;
  stop(): Promise<void>;
};

export async function startIsolatedConsole(awsMode: boolean): Promise<IsolatedConsole> {
  const dir = mkdtempSync(path.join(tmpdir(), "im-e2e-isolated-"));
  const admin = { IM_ADMIN_EMAIL: USERS.admin.email, IM_ADMIN_PASSWORD: USERS.admin.password };
  const servers: ConsoleServer[] = [];
  const contexts: BrowserContext[] = [];
  const stop = async () => {
    for (const c of contexts) await c.close();
    for (const s of servers.reverse()) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const modelDb = path.join(dir, "model.db");
    const model = await startConsoleServer({ databaseUrl: `file:${modelDb}`, env: { ...admin, IM_REGION: "us-east-1" } });
    servers.push(model);
    let consoleDb = modelDb;
    if (awsMode) {
      consoleDb = path.join(dir, "aws-mode.db");
      const front = await startConsoleServer({
        databaseUrl: `file:${consoleDb}`,
        env: {
          ...admin,
          IM_BACKEND: "aws",
          AWS_REGION: "us-east-1",
          AWS_ACCESS_KEY_ID: BOOTSTRAP_KEY.accessKeyId,
          AWS_SECRET_ACCESS_KEY: BOOTSTRAP_KEY.secretAccessKey,
          IM_AWS_INCIDENTS_ENDPOINT: `${model.url}/api/aws/ssm-incidents`,
          IM_AWS_CONTACTS_ENDPOINT: `${model.url}/api/aws/ssm-contacts`,
        },
      });
      servers.push(front);
    }
    // The users sign in to the console the browser uses; its first admin exists once it answered.
    await addUsers(consoleDb);
    const url = servers[servers.length - 1].url;
    const client = { region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 };
    return {
      url,
      incidents: new SSMIncidents({ ...client, endpoint: `${model.url}/api/aws/ssm-incidents` }),
      contacts: new SSMContacts({ ...client, endpoint: `${model.url}/api/aws/ssm-contacts` }),
      pageAs: async (browser, role) => {
        const context = await browser.newContext({ baseURL: url });
        contexts.push(context);
        await signInThroughApi(context, role);
        return context.newPage();
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
