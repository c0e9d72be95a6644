// The shape of the national dataset of `npm run bench:scale` and the ids of its rows: ids are
// made from counters (uid) and positions (structure), so the generator (dataset.ts), the pages
// (pages.ts) and the publications (publications.ts) find the same rows without lookups.
import { readFileSync } from "node:fs";

export type Shape = {
  municipalities: number;
  years: number[];
  goalsPerDocument: number;
  directionsPerGoal: number;
  projectsPerDirection: number;
  indicatorsPerDirection: number;
  institutions: number;
};

export const DOCUMENTS = 2;
/** Dictionary codes each municipality maps (the comparison's rollup rows). */
export const MAPPED_CODES = ["PS-01", "PS-02", "WR-01", "PP-01", "NGO-01"];

/** The shape that gives about `values` indicator values over `municipalities`. */
export function shapeFor(municipalities: number, values: number, yearCount: number): Shape {
  const perTenantYear = Math.max(DOCUMENTS * 4, Math.round(values / municipalities / yearCount));
  const goals = perTenantYear >= 200 ? 4 : 2;
  const directions = perTenantYear >= 200 ? 5 : 2;
  const perDirection = Math.max(1, Math.round(perTenantYear / (DOCUMENTS * goals * directions)));
  const last = 2025;
  return {
    municipalities,
    years: Array.from({ length: yearCount }, (_, i) => last - yearCount + 1 + i),
    goalsPerDocument: goals,
    directionsPerGoal: directions,
    projectsPerDirection: 3,
    indicatorsPerDirection: perDirection,
    institutions: 10,
  };
}

// Kinds of rows: the first group of an id, so ids of one table ascend in the order written.
export const K = {
  tenant: 1,
  user: 2,
  membership: 3,
  institution: 4,
  document: 5,
  goal: 6,
  direction: 7,
  project: 8,
  indicator: 9,
  value: 10,
  contribution: 11,
  breakdown: 12,
  card: 13,
  budget: 14,
  part: 15,
  round: 16,
  task: 17,
  population: 18,
  audit: 19,
} as const;

export function uid(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `${kind.toString(16).padStart(8, "0")}-0000-4000-8000-${hex}`;
}

/** mulberry32: the same dataset on every run. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Terc = { municipalities: [string, string, string][] };
export type Municipality = { id: string; teryt: string; slug: string; name: string; kind: string };

function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function municipalities(n: number): Municipality[] {
  const terc = JSON.parse(
    readFileSync(new URL("../../app/registers/terc-2024-01-01.json", import.meta.url), "utf8"),
  ) as Terc;
  return Array.from({ length: n }, (_, t) => {
    const real = terc.municipalities[t];
    const teryt = real ? real[0] : `99${String(t).padStart(5, "0")}`;
    const name = real ? real[1] : `Gmina przykładowa ${t + 1}`;
    return {
      id: uid(K.tenant, t),
      teryt,
      slug: `${slugify(name)}-${teryt}`,
      name,
      kind: real?.[2] ?? "gmina wiejska",
    };
  });
}

/** Ids of a municipality's structure, by position (no lookup tables). */
export function structure(s: Shape, t: number) {
  const directionsPerDoc = s.goalsPerDocument * s.directionsPerGoal;
  const directions = DOCUMENTS * directionsPerDoc;
  const projects = directions * s.projectsPerDirection;
  const indicators = directions * s.indicatorsPerDirection;
  return {
    directions,
    projects,
    indicators,
    document: (d: number) => uid(K.document, t * DOCUMENTS + d),
    goal: (g: number) => uid(K.goal, t * DOCUMENTS * s.goalsPerDocument + g),
    direction: (k: number) => uid(K.direction, t * directions + k),
    project: (p: number) => uid(K.project, t * projects + p),
    indicator: (i: number) => uid(K.indicator, t * indicators + i),
    institution: (i: number) => uid(K.institution, t * s.institutions + i),
    user: uid(K.user, t),
    round: uid(K.round, t),
  };
}
