// A whole process timed from spawn to exit, with its peak memory (VmHWM, sampled from /proc
// while it runs; null where /proc is missing), and LibreOffice found or explained.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export type ProcessRun = { ms: number; peakMb: number | null; status: number; stderr: string };

function peakOf(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

export function runProcess(
  cmd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let peakMb: number | null = null;
    child.stderr.on("data", (d) => (stderr += String(d)));
    const sample = () => {
      const mb = child.pid ? peakOf(child.pid) : null;
      if (mb !== null) peakMb = Math.max(peakMb ?? 0, mb);
    };
    const timer = setInterval(sample, 10);
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      clearInterval(timer);
      resolve({ ms, peakMb, status: code ?? 1, stderr });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The LibreOffice command, or null after printing how to install it. */
export function findLibreOffice(): string | null {
  const found = ["soffice", "libreoffice"].find(
    (cmd) => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0,
  );
  if (!found)
    console.log(
      "LibreOffice is not installed, so it is not measured: apt-get install -y --no-install-recommends libreoffice-writer-nogui",
    );
  return found ?? null;
}

export const mb = (v: number | null) => (v === null ? "?" : `${v.toFixed(0)} MB`);
