// The HTTP server: static assets from build/client, everything else through React Router.
// Every response carries the security headers, and every request body is limited before it is
// read (decision 027): a declared length over the limit is refused at once, a chunked body as
// soon as its running count passes it — with a short Polish 413 page and a closed connection.
import http from "node:http";
import path from "node:path";
import type { ServerBuild } from "react-router";
import sirv from "sirv";
import { baselineHeaders } from "../security-headers.ts";
import { bodyLimitFor, refuseTooLarge, type BodyLimits } from "./body-limits.ts";
import { isForeignOrigin, refuseForeignOrigin } from "./foreign-origin.ts";

export const CLIENT_ADDRESS_HEADER = "x-busola-client-address";

type PageCacheEntry = {
  answerFromPageCache: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  answerKeptPublicData: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
};

export async function startHttpServer(opts: {
  buildDir: string;
  port: number;
  host: string;
  limits: BodyLimits;
  secureCookies: boolean;
}): Promise<http.Server> {
  // Loaded here, not at the top: React picks its development or production build from
  // NODE_ENV when first imported, and `busola serve` sets NODE_ENV just before this call.
  const { createRequestListener } = await import("@react-router/node");
  const serverEntry = path.join(opts.buildDir, "server", "index.js");
  const build = (await import(serverEntry)) as ServerBuild;
  // The page cache lives in the build, beside the routes that fill it (decision 037).
  const { answerFromPageCache, answerKeptPublicData } = build.entry
    .module as unknown as PageCacheEntry;
  const assets = sirv(path.join(opts.buildDir, "client"), {
    immutable: true,
    maxAge: 31_536_000,
    gzip: false,
    etag: true,
  });
  const app = createRequestListener({ build, mode: "production" });
  const headers = Object.entries(baselineHeaders({ secureCookies: opts.secureCookies }));
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    // The only trusted source of the client address is the socket; never a header sent by the client.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    const limit = bodyLimitFor(req, opts.limits);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit.bytes) {
      refuseTooLarge(req, res, limit);
      return;
    }
    if (
      isForeignOrigin({ method: req.method, origin: req.headers.origin, host: req.headers.host })
    ) {
      refuseForeignOrigin(req, res);
      return;
    }
    assets(req, res, () => {
      if (req.method === "GET") {
        // API and dataset answers kept per publication (decision 079), from memory at once.
        if (answerKeptPublicData(req, res)) return;
        // Pages kept by the page cache are answered before React Router (decision 037).
        answerFromPageCache(req, res).then(
          (answered) => answered || void app(req, res),
          (error: unknown) => {
            console.error(error);
            if (!res.headersSent) void app(req, res);
          },
        );
        return;
      }
      void app(req, res);
      // Counted alongside React Router's own reader (both listen to "data"), which it
      // attached synchronously above; this only matters for bodies without a length.
      if (req.headers["transfer-encoding"] !== undefined) {
        let received = 0;
        const count = (chunk: Buffer) => {
          received += chunk.length;
          if (received > limit.bytes) {
            req.off("data", count);
            refuseTooLarge(req, res, limit);
          }
        };
        req.on("data", count);
      }
    });
  };
  const server = http.createServer(handle);
  // Node closes an idle kept-alive connection after 5 s; a client (a proxy, undici's 4 s) whose
  // own timer runs late on a loaded machine then sends on a closed socket and gets ECONNRESET.
  // Keep idle connections longer than the usual proxy's 60 s, so the client always closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A client that asks before sending (Expect: 100-continue) is told no before it sends.
  server.on("checkContinue", (req, res) => {
    if (Number(req.headers["content-length"] ?? 0) > bodyLimitFor(req, opts.limits).bytes) {
      handle(req, res);
      return;
    }
    res.writeContinue();
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return server;
}
