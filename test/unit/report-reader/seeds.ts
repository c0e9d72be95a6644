// The seed documents (../shared/seeds) as the repository holds them: 000, 002 and 003 are the
// demo's copies in app/demo/seeds (byte-identical), 001 and 004 are kept in test/fixtures/seeds.
// No test skips for want of a seed: they are all here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DEMO_SEEDS = fileURLToPath(new URL("../../../app/demo/seeds/", import.meta.url));
const TEST_SEEDS = fileURLToPath(new URL("../../fixtures/seeds/", import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/import/", import.meta.url));

export const SEED_000 = "000_6010b653322b8b30.txt";
export const SEED_002 = "002_fb12315f7e9a72af.txt";
export const SEED_003 = "003_0ae473834d40d8a4.txt";
export const SEED_001 = "001_090463c800ca416a.txt";
export const SEED_004 = "004_9e3b239e35dd027d.txt";

const PATHS: Record<string, string> = {
  [SEED_000]: `${DEMO_SEEDS}ruda-slaska-2020-karty-projektow.txt`,
  [SEED_002]: `${DEMO_SEEDS}bytom-projekty-mopr.txt`,
  [SEED_003]: `${DEMO_SEEDS}ostrowiec-2021-tabele-wskaznikow.txt`,
  [SEED_001]: `${TEST_SEEDS}${SEED_001}`,
  [SEED_004]: `${TEST_SEEDS}${SEED_004}`,
};

/** Where the repository keeps a seed document. */
export function seedPath(name: string): string {
  const path = PATHS[name];
  if (!path) throw new Error(`no seed ${name} in the repository`);
  return path;
}

export function readSeed(name: string): string {
  return readFileSync(seedPath(name), "utf8");
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(FIXTURES_DIR + name, "utf8")) as T;
}

export const normalise = (s: string | null | undefined): string =>
  (s ?? "").replace(/\s+/gu, " ").trim();

/** Institution names compared without spacing and case ("Psychologiczno- Pedagogiczna"). */
export const institutionKey = (s: string): string =>
  s.toLowerCase().replace(/[\s\u201E\u201D"]+/gu, "");
