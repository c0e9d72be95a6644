// Start and stop `busola serve` as a child process, for benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/busola.js", import.meta.url));

export type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** Start the server and resolve once it answers a page; returns the time that took. */
export async function startServer(opts: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
}): Promise<Server & { readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      ...process.env,
      BUSOLA_DATA_DIR: opts.dataDir,
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  child.stdout!.resume();
  const url = `http://127.0.0.1:${opts.port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const res = await fetch(`${url}/logowanie`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    child,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
