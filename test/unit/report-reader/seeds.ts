// Where the seed documents live (../shared/seeds from the repository root) and whether they do.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SEEDS_DIR = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/import/", import.meta.url));

export const SEED_000 = "000_6010b653322b8b30.txt";
export const SEED_002 = "002_fb12315f7e9a72af.txt";
export const SEED_003 = "003_0ae473834d40d8a4.txt";
export const SEED_001 = "001_090463c800ca416a.txt";
export const SEED_004 = "004_9e3b239e35dd027d.txt";

export function seedsAvailable(): boolean {
  const ok = existsSync(SEEDS_DIR + SEED_000) && existsSync(SEEDS_DIR + SEED_003);
  if (!ok) console.warn(`Seed tests skipped: ${SEEDS_DIR} is missing (expected ../shared/seeds).`);
  return ok;
}

export function readSeed(name: string): string {
  return readFileSync(SEEDS_DIR + name, "utf8");
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(FIXTURES_DIR + name, "utf8")) as T;
}

export const normalise = (s: string | null | undefined): string =>
  (s ?? "").replace(/\s+/gu, " ").trim();

/** Institution names compared without spacing and case ("Psychologiczno- Pedagogiczna"). */
export const institutionKey = (s: string): string =>
  s.toLowerCase().replace(/[\s\u201E\u201D"]+/gu, "");
