// Request body limits (decision 027): uploads (report import, the partner's workbook) by
// BUSOLA_IMPORT_MAX_MB, every other request by BUSOLA_FORM_MAX_KB.
import type http from "node:http";

export type BodyLimits = { formMaxBytes: number; uploadMaxBytes: number };

const LINGER_MS = 1_000;

/** Room for the multipart envelope and the form's other fields around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The upload routes of app/routes.ts that take a file (routes/imports.tsx, round-workbook-upload.tsx). */
const UPLOAD_PATHS = [
  /^\/g\/[^/]+\/import\/?$/,
  /^\/g\/[^/]+\/moje-zadania\/arkusz\/[^/]+\/wczytaj\/?$/,
];

export type BodyLimit = { bytes: number; upload: boolean };

export function bodyLimitFor(req: http.IncomingMessage, limits: BodyLimits): BodyLimit {
  const pathname = (req.url ?? "/").split("?")[0]!.replace(/\.data$/, "");
  const upload = UPLOAD_PATHS.some((p) => p.test(decodePath(pathname)));
  return upload
    ? { bytes: limits.uploadMaxBytes + MULTIPART_OVERHEAD, upload }
    : { bytes: limits.formMaxBytes, upload };
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString("pl-PL", { maximumFractionDigits: 1 })} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** A 413 with a short Polish page; the connection is closed, the rest of the body never read. */
export function refuseTooLarge(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: BodyLimit,
): void {
  req.pause();
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  const what = limit.upload
    ? `Plik jest za duży: można wczytać najwyżej ${formatLimit(limit.bytes - MULTIPART_OVERHEAD)} (ustawienie BUSOLA_IMPORT_MAX_MB).`
    : `Przesłany formularz jest za duży: najwyżej ${formatLimit(limit.bytes)} (ustawienie BUSOLA_FORM_MAX_KB).`;
  const body = `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Za duże dane — Busola</title></head>
<body><main><h1>Za duże dane</h1><p>${what}</p><p><a href="/">Przejdź do strony głównej</a></p></main></body></html>
`;
  res.writeHead(413, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    Connection: "close",
  });
  // A lingering close: Node would destroy the socket right after the answer, and the client's
  // next bytes would draw a reset that discards the answer unread on its side. Half-close
  // instead (the answer and FIN go out), stop reading (the client's window fills, so it stops
  // sending), and cut the connection after a short grace period — nothing of the body is read.
  const socket = req.socket as typeof req.socket & { destroySoon?: () => void };
  socket.destroySoon = () => socket.end();
  res.once("finish", () => setImmediate(() => socket.pause()));
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
  res.end(body);
}
