// A state-changing request whose Origin is another site is refused before React Router sees
// it: React Router would answer a bare English "Bad Request" (issue 10). The usual cause is
// not an attack but a proxy that rewrites Host, so the page says which setting to check.
import type http from "node:http";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when the request changes something and says it comes from another site (or "null"). */
export function isForeignOrigin(opts: {
  method: string | undefined;
  origin: string | undefined;
  host: string | undefined;
}): boolean {
  if (SAFE.has(opts.method ?? "GET") || opts.origin === undefined) return false;
  if (opts.origin === "null") return true;
  try {
    return new URL(opts.origin).host !== opts.host;
  } catch {
    return true;
  }
}

export function refuseForeignOrigin(req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Formularz z innej strony — Busola</title></head>
<body><main><h1>Formularz wysłany z innej strony</h1>
<p>Busola przyjmuje formularze tylko ze swojej własnej strony, a ten przyszedł z innego adresu,
więc nic nie zostało zapisane.</p>
<p>Jeśli otworzyłeś Busolę pod jej zwykłym adresem, to najpewniej serwer pośredniczący (proxy)
zmienia nagłówek Host: administrator powinien przekazywać do Busoli oryginalny nagłówek Host
albo ustawić BUSOLA_PUBLIC_URL na publiczny adres instalacji.</p>
<p><a href="/">Przejdź do strony głównej</a></p></main></body></html>
`;
  req.resume();
  res.writeHead(403, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    Connection: "close",
  });
  res.end(body);
}
