// React Router's server entry (its Node default) with two additions: a fresh CSP nonce per
// document, set in the Content-Security-Policy header and given to React Router's inline
// scripts through NonceContext and <ServerRouter nonce> (decision 027); and a page that its
// loader allowed into the page cache is rendered whole and kept (decision 037).
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { EntryContext, RouterContextProvider } from "react-router";
import { createReadableStreamFromReadable } from "@react-router/node";
import { ServerRouter } from "react-router";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./web/csp-nonce.ts";
import { documentCsp } from "./security-headers.ts";
import {
  keepRenderedPage,
  pageCacheClaim,
  shouldKeepPage,
  type PageClaim,
} from "./web/page-cache/page-cache.server.ts";

export const streamTimeout = 5_000;

// For app/server/http.ts, which answers kept pages (decisions 037, 078) and kept API and
// dataset answers (decision 079) before React Router runs.
export { answerFromPageCache } from "./web/page-cache/page-cache.server.ts";
export { answerKeptPublicData } from "./api/kept-answers.server.ts";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = randomBytes(16).toString("base64");
  responseHeaders.set("Content-Security-Policy", documentCsp(nonce));
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const keep = {
    request,
    status: responseStatusCode,
    headers: responseHeaders,
    claim: pageCacheClaim(loadContext),
  };
  if (shouldKeepPage(keep)) return renderAndKeep(keep, routerContext, nonce);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Bots and SPA mode wait for all content; people get the shell as soon as it is ready.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    );
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          pipe(body);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors inside the shell are logged here; shell errors by handleDocumentRequest.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

/** The whole document at once (the page cache needs all of it), kept, then sent. */
async function renderAndKeep(
  keep: { request: Request; status: number; headers: Headers; claim: PageClaim },
  routerContext: EntryContext,
  nonce: string,
): Promise<Response> {
  const html = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => {
      clearTimeout(timeoutId);
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    sink.on("error", reject);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ServerRouter context={routerContext} url={keep.request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          pipe(sink);
        },
        onShellError: reject,
        onError(error: unknown) {
          keep.status = 500;
          console.error(error);
        },
      },
    );
    const timeoutId = setTimeout(() => abort(), streamTimeout + 1000);
  });
  keep.headers.set("Content-Type", "text/html");
  // A page that cannot be kept is still sent.
  if (keep.status === 200) await keepRenderedPage({ ...keep, html, nonce }).catch(console.error);
  return new Response(html, { headers: keep.headers, status: keep.status });
}
