// Hosts a framework-free Web handler ((Request) => Promise<Response>) in a node:http server on
// 127.0.0.1, so tests drive the wire layer with real HTTP clients (the AWS SDKs) without Next.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type WebHandler = (req: Request) => Promise<Response>;

export type WireHost = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
};

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The Web Request for a node request; `req.url` is kept byte for byte (percent-encoding intact). */
export function toWebRequest(req: IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const method = req.method ?? "GET";
  const host = req.headers.host ?? "127.0.0.1";
  return new Request(`http://${host}${req.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(body),
  });
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

export async function startWireHost(handler: WebHandler): Promise<WireHost> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readAll(req);
        await sendWebResponse(res, await handler(toWebRequest(req, body)));
      } catch (e) {
        // The handler answers every failure itself; reaching here is a bug in the host or handler.
        console.error("[wire-host] request failed", e);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("wire host failure");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDKs keep connections alive; close them so the server can stop.
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
