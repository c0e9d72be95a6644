// Request bodies are limited before they are read (decision 027), against a real server: a
// signed-in 150 MB POST is refused at once with a Polish 413 — whether it declares its length
// or streams it chunked — and the server keeps answering other pages.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./support/server.ts";
import { signIn, type Session } from "./support/processes.ts";

let server: TestServer;
let session: Session;

beforeAll(async () => {
  server = await startServer({ timeoutMs: 150_000, env: { BUSOLA_IMPORT_MAX_MB: "2" } });
  session = await signIn(server.url, "koordynator@ruda-slaska.demo");
});

afterAll(async () => {
  await server?.stop();
});

const MB = 1024 * 1024;

/** Sends `total` bytes to `path` (declared or chunked) and resolves with the answer and its time. */
function post(
  path: string,
  total: number,
  chunked: boolean,
): Promise<{ status: number; body: string; ms: number; sent: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = http.request(`${server.url}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: session.cookie,
        Origin: server.url,
        ...(chunked ? {} : { "Content-Length": String(total) }),
      },
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (sent < total && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () =>
        resolve({ status: res.statusCode!, body, ms: performance.now() - started, sent }),
      );
    });
    // The server closes the connection after its answer: writing on then fails, as it should.
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    pump();
  });
}

describe("request body limits", () => {
  it("refuses a 150 MB form post at once, declared or chunked, in Polish", async () => {
    for (const chunked of [false, true]) {
      const answer = await post("/g/ruda-slaska/instytucje", 150 * MB, chunked);
      expect(answer.status).toBe(413);
      expect(answer.body).toContain("Przesłany formularz jest za duży");
      expect(answer.ms).toBeLessThan(5_000);
      expect(answer.sent).toBeLessThan(150 * MB);
    }
    expect((await fetch(`${server.url}/logowanie`)).status).toBe(200);
  });

  it("allows uploads up to BUSOLA_IMPORT_MAX_MB and refuses larger ones", async () => {
    const over = await post("/g/ruda-slaska/import", 3 * MB, false);
    expect(over.status).toBe(413);
    expect(over.body).toMatch(/Plik jest za duży: można wczytać najwyżej 2 MB/);
    // A 1.5 MB body is over the form limit but within the upload limit: it reaches the route.
    const within = await post("/g/ruda-slaska/import", 1.5 * MB, false);
    expect(within.status).not.toBe(413);
  });
});
