// The lock holder's control channel (decision 026): `busola backup` beside a running server
// cannot open the locked data directory, so it asks the server for a snapshot. The channel is a
// Unix socket, never a network port, and every request must carry the secret the server writes
// into the data directory with mode 0600 — only the installation's own user can read it.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";

export const CONTROL_SECRET_FILE = "control.secret";

/** Unix socket paths are limited to about 107 bytes; a long data dir's socket goes to tmp. */
function socketPathFor(dataDir: string): string {
  const inDir = path.join(dataDir, "busola.sock");
  if (Buffer.byteLength(inDir) < 100) return inDir;
  const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  return path.join(os.tmpdir(), `busola-${hash}.sock`);
}

export async function startControlServer(opts: {
  dataDir: string;
  dump: () => Promise<Blob>;
}): Promise<{ socket: string; close: () => Promise<void> }> {
  const dataDir = path.resolve(opts.dataDir);
  const secret = randomBytes(32).toString("hex");
  const secretFile = path.join(dataDir, CONTROL_SECRET_FILE);
  writeFileSync(secretFile, secret, { mode: 0o600 });
  chmodSync(secretFile, 0o600);
  const expected = Buffer.from(`Bearer ${secret}`);
  const server = http.createServer((req, res) => {
    const given = Buffer.from(req.headers.authorization ?? "");
    const authorised = given.length === expected.length && timingSafeEqual(given, expected);
    if (!authorised) {
      res.writeHead(403).end("forbidden\n");
      return;
    }
    if (req.method !== "POST" || req.url !== "/backup") {
      res.writeHead(404).end("not found\n");
      return;
    }
    opts
      .dump()
      .then(async (blob) => {
        const bytes = Buffer.from(await blob.arrayBuffer());
        res.writeHead(200, {
          "Content-Type": "application/gzip",
          "Content-Length": bytes.length,
        });
        res.end(bytes);
      })
      .catch((e: unknown) => {
        console.error("Backup through the control socket failed:", e);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  const socket = socketPathFor(dataDir);
  // This process holds the data directory's lock, so a socket file left there is stale.
  try {
    unlinkSync(socket);
  } catch {
    // none left over
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  });
  chmodSync(socket, 0o600);
  server.unref();
  return {
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        try {
          unlinkSync(socket);
        } catch {
          // already gone
        }
      }),
  };
}

/** Asks the data directory's lock holder for a snapshot; resolves with its bytes. */
export function requestSnapshot(opts: { dataDir: string; socket: string }): Promise<Buffer> {
  const secret = readFileSync(path.join(path.resolve(opts.dataDir), CONTROL_SECRET_FILE), "utf8");
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath: opts.socket,
        method: "POST",
        path: "/backup",
        headers: { authorization: `Bearer ${secret.trim()}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if (res.statusCode === 200) resolve(Buffer.concat(chunks));
          else reject(new Error(`the server answered ${res.statusCode} to the backup request`));
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}
