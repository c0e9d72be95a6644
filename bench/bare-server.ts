// A bare node:http server that answers recorded paths with recorded bytes: the floor the
// public benchmark compares Busola's CPU per request against. Usage: node bare-server.ts FILE PORT
import { readFileSync } from "node:fs";
import http from "node:http";

type Recorded = Record<string, { type: string; body: string }>;
const recorded = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Recorded;
const answers = new Map(
  Object.entries(recorded).map(([path, r]) => [
    path,
    { type: r.type, body: Buffer.from(r.body, "base64") },
  ]),
);
http
  .createServer((req, res) => {
    const a = answers.get(req.url ?? "");
    if (!a) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": a.type, "Content-Length": a.body.length });
    res.end(a.body);
  })
  .listen(Number(process.argv[3]), "127.0.0.1", () => console.log("ready"));
