// The national dataset of `npm run bench:scale`: N municipalities (the TERC register's gminy,
// then made-up ones), each with a strategy and a program (goals, directions, projects,
// indicators, institutions), YEARS years of project cards, budgets with their parts, indicator
// values with contributions and breakdowns, a reporting round with its tasks, populations and
// history entries — written by COPY (copy.ts). Ids are made from counters (uid), so nothing is
// kept in memory per row; yearly rows are written year by year across all municipalities, as a
// national installation fills up, so one municipality's values are not next to each other.
import { CopyWriter } from "./copy.ts";
import {
  DOCUMENTS,
  K,
  MAPPED_CODES,
  municipalities,
  random,
  structure,
  uid,
  type Municipality,
  type Shape,
} from "./shape.ts";

type Writers = Record<string, CopyWriter>;

const TABLES: Record<string, string[]> = {
  tenants: ["id", "teryt", "slug", "name", "kind", "welfare_centre_name"],
  users: ["id", "email", "name", "password_hash"],
  memberships: ["id", "tenant_id", "user_id", "role"],
  institutions: ["id", "tenant_id", "name", "short_name", "kind"],
  plan_documents: [
    "id",
    "tenant_id",
    "slug",
    "kind",
    "title",
    "period_start",
    "period_end",
    "status",
  ],
  strategic_goals: ["id", "tenant_id", "document_id", "code", "title", "position"],
  operational_goals: ["id", "tenant_id", "strategic_goal_id", "code", "title", "position"],
  projects: ["id", "tenant_id", "operational_goal_id", "symbol", "title", "since_year", "position"],
  project_institutions: ["tenant_id", "project_id", "institution_id", "role"],
  indicators: [
    "id",
    "tenant_id",
    "operational_goal_id",
    "project_id",
    "name",
    "unit",
    "kind",
    "direction",
    "baseline",
    "baseline_year",
    "target",
    "dictionary_code",
    "position",
  ],
  populations: ["id", "tenant_id", "year", "residents", "source"],
  reporting_rounds: ["id", "tenant_id", "document_id", "year", "deadline"],
  document_links: ["tenant_id", "from_document_id", "to_document_id", "relation"],
  round_assignments: [
    "id",
    "tenant_id",
    "round_id",
    "kind",
    "indicator_id",
    "institution_id",
    "status",
  ],
  project_cards: [
    "id",
    "tenant_id",
    "project_id",
    "year",
    "status",
    "goal_text",
    "goal_verdict",
    "effects",
    "published",
  ],
  budgets: ["id", "tenant_id", "project_id", "year", "total"],
  budget_parts: [
    "id",
    "tenant_id",
    "budget_id",
    "source_kind",
    "source_label",
    "amount",
    "percent",
    "position",
  ],
  indicator_values: ["id", "tenant_id", "indicator_id", "year", "total", "published"],
  indicator_contributions: ["id", "tenant_id", "value_id", "institution_id", "value", "position"],
  indicator_breakdowns: [
    "id",
    "tenant_id",
    "value_id",
    "contribution_id",
    "dimension",
    "label",
    "value",
    "position",
  ],
  audit_log: [
    "id",
    "tenant_id",
    "user_id",
    "entity_type",
    "entity_id",
    "action",
    "before",
    "after",
    "entity_version",
  ],
};
export const LOADED_TABLES = Object.keys(TABLES);

const DOC_KINDS = [
  ["strategia", "strategy", "Strategia rozwiązywania problemów społecznych"],
  ["program-przemoc", "violence_prevention", "Program przeciwdziałania przemocy domowej"],
] as const;

async function writeStructure(w: Writers, s: Shape, m: Municipality, t: number) {
  const ids = structure(s, t);
  const [first, last] = [s.years[0]!, s.years.at(-1)!];
  await w.tenants!.row([
    m.id,
    m.teryt,
    m.slug,
    m.name,
    m.kind,
    `Ośrodek Pomocy Społecznej — ${m.name}`,
  ]);
  await w.users!.row([
    ids.user,
    `koordynator-${m.teryt}@scale.busola`,
    `Koordynator ${m.name}`,
    "x",
  ]);
  await w.memberships!.row([uid(K.membership, t), m.id, ids.user, "coordinator"]);
  for (let i = 0; i < s.institutions; i++)
    await w.institutions!.row([
      ids.institution(i),
      m.id,
      `Instytucja ${i + 1} — ${m.name}`,
      `I${i + 1}`,
      i === 0 ? "municipal_unit" : "ngo",
    ]);
  for (let y = 0; y < s.years.length; y++)
    await w.populations!.row([
      uid(K.population, t * s.years.length + y),
      m.id,
      s.years[y]!,
      5_000 + ((t * 7919) % 90_000) + y * 10,
      "GUS BDL",
    ]);
  let direction = 0;
  let project = 0;
  let indicator = 0;
  for (let d = 0; d < DOCUMENTS; d++) {
    const [slug, kind, title] = DOC_KINDS[d]!;
    await w.plan_documents!.row([
      ids.document(d),
      m.id,
      slug,
      kind,
      `${title} ${m.name} ${first}–${last}`,
      first,
      last,
      "in_force",
    ]);
    for (let g = 0; g < s.goalsPerDocument; g++) {
      const goal = ids.goal(d * s.goalsPerDocument + g);
      await w.strategic_goals!.row([
        goal,
        m.id,
        ids.document(d),
        `C${g + 1}`,
        `Cel strategiczny ${g + 1}`,
        g,
      ]);
      for (let k = 0; k < s.directionsPerGoal; k++, direction++) {
        const dir = ids.direction(direction);
        await w.operational_goals!.row([
          dir,
          m.id,
          goal,
          `C${g + 1}.${k + 1}`,
          `Kierunek ${g + 1}.${k + 1}`,
          k,
        ]);
        const firstProject = project;
        for (let p = 0; p < s.projectsPerDirection; p++, project++) {
          const pid = ids.project(project);
          await w.projects!.row([
            pid,
            m.id,
            dir,
            `C${g + 1}K${k + 1}`,
            `Projekt ${g + 1}.${k + 1}.${p + 1}`,
            first,
            p,
          ]);
          await w.project_institutions!.row([
            m.id,
            pid,
            ids.institution(project % s.institutions),
            "lead",
          ]);
          await w.project_institutions!.row([
            m.id,
            pid,
            ids.institution((project + 1) % s.institutions),
            "partner",
          ]);
        }
        for (let i = 0; i < s.indicatorsPerDirection; i++, indicator++) {
          const code = d === 0 && indicator < MAPPED_CODES.length ? MAPPED_CODES[indicator]! : null;
          const withProject =
            i % 2 === 0 ? ids.project(firstProject + (i % s.projectsPerDirection)) : null;
          await w.indicators!.row([
            ids.indicator(indicator),
            m.id,
            dir,
            withProject,
            `Liczba osób objętych działaniem ${g + 1}.${k + 1}.${i + 1}`,
            "osoby",
            i % 3 === 0 ? "result" : "product",
            "increase",
            100,
            first,
            200,
            code,
            i,
          ]);
        }
      }
    }
  }
  // The program implements the strategy.
  await w.document_links!.row([m.id, ids.document(1), ids.document(0), "implements"]);
  // A round of the last year for the strategy: one task per indicator, for its lead institution.
  await w.reporting_rounds!.row([ids.round, m.id, ids.document(0), last, `${last + 1}-02-28`]);
  const perDoc = ids.indicators / DOCUMENTS;
  for (let i = 0; i < perDoc; i++)
    await w.round_assignments!.row([
      uid(K.task, t * perDoc + i),
      m.id,
      ids.round,
      "contribution",
      ids.indicator(i),
      ids.institution(i % s.institutions),
      i % 3 === 0 ? "submitted" : "not_started",
    ]);
}

/** One year of one municipality: cards, budgets, values with contributions and breakdowns. */
async function writeYear(
  w: Writers,
  s: Shape,
  m: Municipality,
  t: number,
  y: number,
  rnd: () => number,
  n: { c: number; b: number },
) {
  const ids = structure(s, t);
  const year = s.years[y]!;
  const lastYear = y === s.years.length - 1;
  const published = !lastYear;
  const yearIndex = y * s.municipalities + t;
  for (let p = 0; p < ids.projects; p++) {
    const card = yearIndex * ids.projects + p;
    const pid = ids.project(p);
    await w.project_cards!.row([
      uid(K.card, card),
      m.id,
      pid,
      year,
      rnd() < 0.9 ? "carried_out" : "not_carried_out",
      "Wsparcie rodzin w kryzysie",
      rnd() < 0.7 ? "achieved" : "partly",
      "Udzielono wsparcia zgodnie z planem",
      published,
    ]);
    const total = 10_000 + Math.floor(rnd() * 90_000);
    const budget = uid(K.budget, card);
    await w.budgets!.row([budget, m.id, pid, year, total]);
    const own = Math.round(total * 0.6);
    await w.budget_parts!.row([
      uid(K.part, card * 2),
      m.id,
      budget,
      "own",
      "środki własne gminy",
      own,
      60,
      0,
    ]);
    await w.budget_parts!.row([
      uid(K.part, card * 2 + 1),
      m.id,
      budget,
      "state",
      "budżet państwa",
      total - own,
      40,
      1,
    ]);
  }
  for (let i = 0; i < ids.indicators; i++) {
    const n0 = yearIndex * ids.indicators + i;
    const value = uid(K.value, n0);
    const total = Math.floor(rnd() * 500);
    await w.indicator_values!.row([value, m.id, ids.indicator(i), year, total, published]);
    const split = rnd() < 0.25;
    const lead = ids.institution(i % s.institutions);
    const first = split ? Math.floor(total / 2) : total;
    const c0 = uid(K.contribution, n.c++);
    await w.indicator_contributions!.row([c0, m.id, value, lead, first, 0]);
    if (split)
      await w.indicator_contributions!.row([
        uid(K.contribution, n.c++),
        m.id,
        value,
        ids.institution((i + 1) % s.institutions),
        total - first,
        1,
      ]);
    if (rnd() < 0.2) {
      const women = Math.floor(total * 0.55);
      await w.indicator_breakdowns!.row([
        uid(K.breakdown, n.b++),
        m.id,
        value,
        null,
        "sex",
        "kobiety",
        women,
        0,
      ]);
      await w.indicator_breakdowns!.row([
        uid(K.breakdown, n.b++),
        m.id,
        value,
        null,
        "sex",
        "mężczyźni",
        total - women,
        1,
      ]);
    }
    if (lastYear)
      await w.audit_log!.row([
        uid(K.audit, t * ids.indicators + i),
        m.id,
        ids.user,
        "indicator_value",
        value,
        "create",
        null,
        `{"total": ${total}}`,
        1,
      ]);
  }
}

export type LoadCounts = Record<string, number>;

export async function writeDataset(
  url: string,
  s: Shape,
  progress: (msg: string) => void,
): Promise<LoadCounts> {
  const w: Writers = {};
  for (const [table, columns] of Object.entries(TABLES))
    w[table] = await CopyWriter.open(url, table, columns);
  const all = municipalities(s.municipalities);
  for (let t = 0; t < all.length; t++) await writeStructure(w, s, all[t]!, t);
  const rnd = random(12);
  const n = { c: 0, b: 0 };
  for (let y = 0; y < s.years.length; y++) {
    for (let t = 0; t < all.length; t++) await writeYear(w, s, all[t]!, t, y, rnd, n);
    progress(`year ${s.years[y]}: ${w.indicator_values!.rows.toLocaleString("en")} values`);
  }
  const counts: LoadCounts = {};
  await Promise.all(
    Object.values(w).map(async (x) => {
      await x.close();
      counts[x.table] = x.rows;
    }),
  );
  return counts;
}
