// The HTTP half of a clean stop (server/drain.ts) on a plain node:http server: a request in flight
// is answered (with "Connection: close"), an event stream is ended rather than waited for, a new
// connection is refused, and what outlives the bound is cut off.
import { once } from "node:events";
import { Agent, createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { drainable } from "@/server/drain";

type Held = { release(): void };

/** /slow waits for release(); /events streams until ended; /never never answers. */
function testServer() {
  const held: Held[] = [];
  const arrived: (() => void)[] = [];
  const server = createServer((req, res) => {
    if (req.url === "/events") {
      res.setHeader("content-type", "text/event-stream");
      res.write(": connected\n\n");
    } else if (req.url === "/slow") {
      held.push({ release: () => res.end("done") });
    }
    arrived.splice(0).forEach((a) => a());
  });
  const requestArrived = () => new Promise<void>((resolve) => arrived.push(resolve));
  return { server, held, requestArrived };
}

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string, agent: Agent): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => request({ host: "127.0.0.1", port, path, agent }, resolve).on("error", reject).end());
}

async function body(res: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of res) text += chunk;
  return text;
}

const agents: Agent[] = [];
afterEach(() => agents.splice(0).forEach((a) => a.destroy()));
const keepAlive = () => {
  const agent = new Agent({ keepAlive: true });
  agents.push(agent);
  return agent;
};

describe("drainable", () => {
  it("answers the request in flight with Connection: close, ends the event stream and refuses new connections", async () => {
    const { server, held, requestArrived } = testServer();
    const requests = drainable(server);
    const port = await listen(server);
    const agent = keepAlive();

    let arrived = requestArrived();
    const events = await get(port, "/events", agent);
    await arrived;
    arrived = requestArrived();
    const slow = get(port, "/slow", agent);
    await arrived;
    expect(requests.inFlight()).toBe(2);

    const drained = requests.drain(5_000);
    const late = await get(port, "/slow", new Agent()).catch((e: { code?: string }) => e.code);
    expect(late).toBe("ECONNREFUSED");
    // The stream ends by itself, cleanly: it doesn't wait for the bound.
    expect(await body(events)).toBe(": connected\n\n");
    held[0].release();
    const answer = await slow;
    expect(answer.headers.connection).toBe("close");
    expect(await body(answer)).toBe("done");
    expect(await drained).toEqual({ answered: 2, cut: 0, streams: 1 });
  });

  it("cuts off what is still running after the bound", async () => {
    const { server, requestArrived } = testServer();
    const requests = drainable(server);
    const port = await listen(server);
    const arrived = requestArrived();
    const never = get(port, "/never", keepAlive()).catch((e: { code?: string }) => e.code);
    await arrived;
    expect(await requests.drain(100)).toEqual({ answered: 0, cut: 1, streams: 0 });
    expect(await never).toBe("ECONNRESET");
  });
});
