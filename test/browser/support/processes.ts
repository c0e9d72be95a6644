// Real `busola serve` and CLI processes on a chosen data directory, and a burst of project card
// saves over HTTP with a signed-in session — for the lock, backup and crash-safety tests.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = path.join(ROOT, "bin", "busola.js");

export const ENV = {
  NODE_ENV: "development",
  HOST: "127.0.0.1",
  BUSOLA_DEMO: "true",
  BUSOLA_DEMO_DATA: "factories",
  BUSOLA_SECURE_COOKIES: "false",
  DATABASE_URL: "",
  DATABASE_READ_URL: "",
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type ServeProcess = {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/** Spawns `busola serve`; resolve `ready()` to wait for its ready line. */
export function spawnServe(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): ServeProcess & { ready: () => Promise<void> } {
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: { ...process.env, ...ENV, BUSOLA_DATA_DIR: dataDir, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  const ready = async () => {
    const started = Date.now();
    while (!/Busola: http/.test(out)) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`serve exited early:\n${out}`);
      if (Date.now() - started > 120_000) throw new Error(`serve not ready:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited, ready, stop };
}

export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, ...ENV, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export type Session = { url: string; cookie: string; csrf: string };

function remember(res: Response, jar: Map<string, string>): string {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [k, ...v] = pair!.split("=");
    jar.set(k!, v.join("="));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

export async function signIn(url: string, email: string): Promise<Session> {
  const jar = new Map<string, string>();
  const page = await fetch(`${url}/logowanie`);
  let cookie = remember(page, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/logowanie`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: url },
    body: new URLSearchParams({ _csrf: csrf, email, password: "busola-demo", next: "/" }),
  });
  if (res.status !== 302) throw new Error(`sign-in of ${email} failed: HTTP ${res.status}`);
  cookie = remember(res, jar);
  return { url, cookie, csrf };
}

export async function getPage(s: Session, pathname: string): Promise<string> {
  const res = await fetch(`${s.url}${pathname}`, { headers: { Cookie: s.cookie } });
  if (res.status !== 200) throw new Error(`GET ${pathname}: ${res.status}`);
  return res.text();
}

/** Project card edit pages of the municipality (the factory demo has several). */
export async function findCardEditPaths(s: Session, tenant: string): Promise<string[]> {
  const docs = await getPage(s, `/g/${tenant}/dokumenty`);
  const docPaths = [
    ...new Set([...docs.matchAll(/href="(\/g\/[^"]+\/dokumenty\/[^/"]+)"/g)].map((m) => m[1]!)),
  ];
  const cards = new Set<string>();
  for (const d of docPaths) {
    const html = await getPage(s, d);
    for (const m of html.matchAll(/href="(\/g\/[^"]+\/projekty\/[^/"]+\/\d{4})"/g))
      cards.add(`${m[1]}/edycja`);
  }
  return [...cards];
}

const CARD_TEXT_FIELDS = [
  "statusReason",
  "reportedIn",
  "goalText",
  "goalVerdict",
  "goalVerdictReason",
  "addressees",
  "implementers",
  "stages",
  "indicatorsText",
  "evaluation",
  "funding",
  "timeframe",
  "continuation",
  "nextYearTitle",
];

export type CardSave = { path: string; marker: string; sentAt: number; ackedAt: number | null };

/** One save of a card's "effects" text; acknowledged when the server answers 302. */
export async function saveCard(
  s: Session,
  path: string,
  marker: string,
  version: number,
): Promise<boolean> {
  const res = await fetch(`${s.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: s.cookie,
      Origin: s.url,
    },
    body: new URLSearchParams({
      ...Object.fromEntries(CARD_TEXT_FIELDS.map((f) => [f, ""])),
      _csrf: s.csrf,
      version: version === 0 ? "" : String(version),
      status: "carried_out",
      effects: marker,
    }),
  });
  await res.arrayBuffer();
  return res.status === 302;
}

export async function cardVersion(s: Session, path: string): Promise<number> {
  const html = await getPage(s, path);
  return Number(/name="version" value="(\d*)"/.exec(html)?.[1] ?? 0);
}

/**
 * Lanes of sequential saves, one lane per card, all lanes at once, until `until()` says stop
 * or the connection fails (the server was killed). Every save is recorded with its ack time.
 */
export async function burst(
  s: Session,
  paths: string[],
  until: () => boolean,
  saves: CardSave[],
): Promise<void> {
  await Promise.all(
    paths.map(async (path, lane) => {
      let version = await cardVersion(s, path);
      let refused = 0;
      for (let i = 0; !until(); i++) {
        if (refused > 5) throw new Error(`saves of ${path} keep being refused`);
        const save: CardSave = {
          path,
          marker: `burst-${lane}-${i}-${Date.now()}`,
          sentAt: Date.now(),
          ackedAt: null,
        };
        saves.push(save);
        try {
          if (!(await saveCard(s, path, save.marker, version))) {
            refused += 1;
            version = await cardVersion(s, path).catch(() => version);
            continue;
          }
        } catch {
          return; // the server is gone
        }
        save.ackedAt = Date.now();
        refused = 0;
        version += 1;
      }
    }),
  );
}
