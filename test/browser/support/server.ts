// Starts the production server (`node bin/busola.js serve`) from the built app in build/ on a
// free port with a data directory of its own: a copy of the run's seeded demo (see
// DEMO_TEMPLATE_DIR) or, where the test asks for other seeding, an empty one it migrates and
// seeds. Each browser test file starts its own server in beforeAll and stops it in afterAll.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const READY = /Busola: http:\/\/localhost:\d+/;

export type TestServer = {
  /** e.g. http://127.0.0.1:41234 — use as the browser context's baseURL. */
  url: string;
  port: number;
  dataDir: string;
  /** Everything the server wrote to stdout / stderr so far (for debugging failures). */
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * The factory demo's data directory, seeded once per run by ./global-setup.ts: a server whose
 * seeding environment is the default starts from a copy of it (about 1 s instead of 10–25 s of
 * migrating and seeding under load). `TEMPLATE_READY` holds the pid of the run that made it.
 */
export const DEMO_TEMPLATE_DIR = path.join(ROOT, ".tmp", "browser-demo-data");
export const TEMPLATE_READY = path.join(ROOT, ".tmp", "browser-demo-data.ready");
/** Variables that change what a new data directory is seeded with: no template then. */
const SEEDING_ENV = ["BUSOLA_DEMO", "BUSOLA_DEMO_DATA", "DATABASE_URL"];
/** Files of a running server, never copied: the copy is a stopped server's directory. */
const RUNTIME_FILES = new Set(["busola.lock", "busola.sock"]);

function templateReady(): boolean {
  return existsSync(TEMPLATE_READY) && existsSync(DEMO_TEMPLATE_DIR);
}

export async function startServer(
  opts: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "busola-browser-"));
  const seeds = Object.keys(opts.env ?? {}).some((k) => SEEDING_ENV.includes(k));
  if (!seeds) {
    if (!templateReady()) {
      throw new Error(
        `${DEMO_TEMPLATE_DIR} is not ready: the browser projects' globalSetup (test/browser/support/global-setup.ts) seeds it.`,
      );
    }
    await cp(DEMO_TEMPLATE_DIR, dataDir, {
      recursive: true,
      filter: (source) => !RUNTIME_FILES.has(path.basename(source)),
    });
  }
  return serveIn({ ...opts, dataDir, removeDataDir: true });
}

/** Starts `busola serve` on a given data directory (migrated and seeded when it is empty). */
export async function serveIn(opts: {
  dataDir: string;
  removeDataDir: boolean;
  timeoutMs?: number;
  env?: Record<string, string>;
}): Promise<TestServer> {
  const { dataDir } = opts;
  const entry = path.join(ROOT, "build", "server", "index.js");
  if (!existsSync(entry)) {
    throw new Error(
      `${entry} does not exist: run \`npx react-router build\` before the browser tests.`,
    );
  }
  const port = await freePort();
  let out = "";
  let err = "";
  // process.execPath is the Node running vitest (Node 24 via node_modules/.bin), which strips types.
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "busola.js"), "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "development",
      BUSOLA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      BUSOLA_DEMO: "true",
      BUSOLA_DEMO_DATA: "factories",
      BUSOLA_SECURE_COOKIES: "false",
      DATABASE_URL: "",
      DATABASE_READ_URL: "",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.setEncoding("utf8");
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => {
    err += chunk;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 5_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    if (opts.removeDataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const timeoutMs = opts.timeoutMs ?? 60_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `Server did not print its ready line within ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`,
            ),
          ),
        timeoutMs,
      );
      child.stdout!.on("data", (chunk: string) => {
        out += chunk;
        if (READY.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `Server exited early (code ${code}, signal ${signal}).\nstdout:\n${out}\nstderr:\n${err}`,
          ),
        );
      });
      child.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    // The server listens on 127.0.0.1 only; an IP literal avoids any localhost → ::1 detour.
    const url = `http://127.0.0.1:${port}`;
    // Fail here, with the server's own output, if it is up but cannot render a page.
    const probe = await fetch(`${url}/logowanie`);
    if (probe.status !== 200) {
      throw new Error(
        `GET /logowanie answered ${probe.status} right after start.\nstderr:\n${err.slice(-4000)}`,
      );
    }
    return { url, port, dataDir, stdout: () => out, stderr: () => err, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
