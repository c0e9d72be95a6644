// Start and stop `busola serve` as a child process, for benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
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

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return null;
  }
}

/** User + system CPU milliseconds of a process and all its descendants (Linux /proc). */
export function cpuMsOfTree(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const parent = Number(statFields(child)?.[1]);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  let total = 0;
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop()!;
    const f = statFields(p);
    if (f) total += ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND;
    todo.push(...(children.get(p) ?? []));
  }
  return total;
}

/** The cookie header of a signed-in browser. */
export async function signIn(
  url: string,
  email: string,
  password = "busola-demo",
): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!, v.join("="));
    }
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  };
  const page = await fetch(`${url}/logowanie`);
  const cookie = remember(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/logowanie`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: url },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: "/" }),
  });
  if (res.status !== 302) throw new Error(`sign-in of ${email} failed: HTTP ${res.status}`);
  return remember(res);
}

/** bench/bare-server.ts answering recorded paths with recorded bytes, once it listens. */
export function startBare(recordedFile: string, port: number): Promise<ChildProcess> {
  const script = fileURLToPath(new URL("./bare-server.ts", import.meta.url));
  const child = spawn(process.execPath, [script, recordedFile, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve) => child.stdout!.once("data", () => resolve(child)));
}
