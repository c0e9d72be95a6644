// The HTTP server: static assets from build/client, everything else through React Router.
import http from "node:http";
import path from "node:path";
import type { ServerBuild } from "react-router";
import sirv from "sirv";

export const CLIENT_ADDRESS_HEADER = "x-busola-client-address";

export async function startHttpServer(opts: {
  buildDir: string;
  port: number;
  host: string;
}): Promise<http.Server> {
  // Loaded here, not at the top: React picks its development or production build from
  // NODE_ENV when first imported, and `busola serve` sets NODE_ENV just before this call.
  const { createRequestListener } = await import("@react-router/node");
  const serverEntry = path.join(opts.buildDir, "server", "index.js");
  const build = (await import(serverEntry)) as ServerBuild;
  const assets = sirv(path.join(opts.buildDir, "client"), {
    immutable: true,
    maxAge: 31_536_000,
    gzip: false,
    etag: true,
  });
  const app = createRequestListener({ build, mode: "production" });
  const server = http.createServer((req, res) => {
    // The only trusted source of the client address is the socket; never a header sent by the client.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    assets(req, res, () => {
      void app(req, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return server;
}
