// Demo data for a new installation: three municipalities made by importing the seed reports
// through the same importer a coordinator uses — Ruda Śląska (report for 2020 with 124 project
// cards), Ostrowiec Świętokrzyski (report for 2021 with indicator tables and per-institution
// contributions, including its four real mismatches) and Bytom (the welfare centre's project
// pages with budgets by funding source) — plus one account per role.
import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { institutions, projectCards, projectInstitutions, strategicGoals } from "../db/schema.ts";
import { SYSTEM_ACTOR } from "../domain/actor.ts";
import { importProposal } from "../domain/import-drafts/drafts.ts";
import type { Tenant, TenantScope } from "../domain/scope.ts";
import { parseReportText } from "../report-reader/parse-text.ts";
import { demoAccountMaker, type DemoAccount } from "./demo-accounts.ts";
import { makeInstitution, makeTenant } from "./factories.ts";
import { makeOstrowiecAccounts, makeRudaAccounts } from "./demo-municipality-accounts.ts";
import { seedFactoryDemo } from "./factory-demo.ts";
import { addDemoExampleYears, demoTenantIds } from "./example-years.ts";

export { DEMO_PASSWORD, isEmpty, type DemoAccount } from "./demo-accounts.ts";

export type DemoSource = "seeds" | "factories";

const SEEDS = new URL("./seeds/", import.meta.url);

async function seedText(name: string): Promise<string> {
  return readFile(new URL(name, SEEDS), "utf8");
}

async function importSeed(opts: {
  scope: TenantScope;
  file: string;
  year: number;
  document: {
    slug: string;
    kind: string;
    title: string;
    periodStart: number;
    periodEnd: number;
    resolutionNumber?: string;
    resolutionDate?: string;
  };
}) {
  const proposal = parseReportText(await seedText(opts.file));
  return importProposal({
    scope: opts.scope,
    proposal,
    year: opts.year,
    sourceLabel: `import: ${opts.file}`,
    target: {
      newDocument: {
        ...opts.document,
        resolutionNumber: opts.document.resolutionNumber ?? null,
        resolutionDate: opts.document.resolutionDate ?? null,
        status: "in_force",
      },
    },
  });
}

/**
 * Reports name who carried a project out only in prose ("Realizator projektu: MOPS we
 * współpracy z PUP"); for the demo, institutions named there become the project's lead and
 * partners, so partner accounts have cards of their own to fill in.
 */
async function linkInstitutionsByImplementers(db: Db, tenant: Tenant): Promise<void> {
  const known = await db.select().from(institutions).where(eq(institutions.tenantId, tenant.id));
  const cards = await db
    .select({ projectId: projectCards.projectId, implementers: projectCards.implementers })
    .from(projectCards)
    .where(eq(projectCards.tenantId, tenant.id));
  const rows: (typeof projectInstitutions.$inferInsert)[] = [];
  const seen = new Set<string>();
  for (const card of cards) {
    const text = (card.implementers ?? "").toLowerCase();
    if (!text) continue;
    const named = known.filter(
      (i) =>
        text.includes(i.name.toLowerCase()) ||
        (i.shortName !== null &&
          new RegExp(`(^|[^\\p{L}])${i.shortName.toLowerCase()}([^\\p{L}]|$)`, "u").test(text)),
    );
    named.forEach((i, index) => {
      const key = `${card.projectId}/${i.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      rows.push({
        tenantId: tenant.id,
        projectId: card.projectId,
        institutionId: i.id,
        role: index === 0 ? "lead" : "partner",
      });
    });
  }
  // The import has linked the implementers it could split (decision 044): those stay as saved.
  if (rows.length) await db.insert(projectInstitutions).values(rows).onConflictDoNothing();
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type AccountMaker = ReturnType<typeof demoAccountMaker>;
/** The demo imports as the system: no person's policy applies to installing demo data. */
const systemScope = (tx: Tx, tenant: Tenant): TenantScope => ({
  db: tx,
  tenant,
  actor: SYSTEM_ACTOR,
});
const institutionMaker =
  (tx: Tx) => (tenant: Tenant, name: string, shortName: string | null, kind: string) =>
    makeInstitution(tx, tenant.id, { name, shortName, kind });

/** Ruda Śląska: strategy with project cards (seed 000). */
async function seedRuda(tx: Tx, account: AccountMaker) {
  const system = (tenant: Tenant) => systemScope(tx, tenant);
  const inst = institutionMaker(tx);
  const ruda = await makeTenant(tx, {
    teryt: "2472011",
    slug: "ruda-slaska",
    name: "Miasto Ruda Śląska",
    kind: "miasto_na_prawach_powiatu",
    welfareCentreName: "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej",
  });
  await inst(ruda, "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej", "MOPS", "municipal_unit");
  const pup = await inst(ruda, "Powiatowy Urząd Pracy w Rudzie Śląskiej", "PUP", "state_agency");
  await inst(ruda, "Centrum Integracji Społecznej", "CIS", "municipal_unit");
  await inst(ruda, "Miejski Zespół Szkół", null, "school");
  const rudaImport = await importSeed({
    scope: system(ruda),
    file: "ruda-slaska-2020-karty-projektow.txt",
    year: 2020,
    document: {
      slug: "srps-2016-2025",
      kind: "strategy",
      title: "Strategia Rozwiązywania Problemów Społecznych Miasta Ruda Śląska na lata 2016–2025",
      periodStart: 2016,
      periodEnd: 2025,
      resolutionNumber: "PR.0007.114.2016",
      resolutionDate: "2016-04-28",
    },
  });
  await linkInstitutionsByImplementers(tx, ruda);
  const [c1] = await tx
    .select({ id: strategicGoals.id })
    .from(strategicGoals)
    .where(eq(strategicGoals.documentId, rudaImport.documentId))
    .orderBy(strategicGoals.position)
    .limit(1);
  await makeRudaAccounts(account, { ruda, c1Id: c1?.id ?? null, pupId: pup.id });
}

/** Ostrowiec Świętokrzyski: indicator tables with contributions (seed 003). */
async function seedOstrowiec(tx: Tx, account: AccountMaker) {
  const system = (tenant: Tenant) => systemScope(tx, tenant);
  const inst = institutionMaker(tx);
  const ostrowiec = await makeTenant(tx, {
    teryt: "2607011",
    slug: "ostrowiec-swietokrzyski",
    name: "Gmina Ostrowiec Świętokrzyski",
    kind: "gmina_miejska",
    welfareCentreName: "Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim",
  });
  // Full names for the abbreviations the report uses; the importer matches them by short name.
  await inst(
    ostrowiec,
    "Powiatowe Centrum Pomocy Rodzinie w Ostrowcu Świętokrzyskim",
    "PCPR",
    "state_agency",
  );
  await inst(
    ostrowiec,
    "Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim",
    "MOPS",
    "municipal_unit",
  );
  await inst(ostrowiec, "Powiatowy Urząd Pracy w Ostrowcu Świętokrzyskim", "PUP", "state_agency");
  await importSeed({
    scope: system(ostrowiec),
    file: "ostrowiec-2021-tabele-wskaznikow.txt",
    year: 2021,
    document: {
      slug: "srps-2014-2021",
      kind: "strategy",
      title:
        "Strategia Rozwiązywania Problemów Społecznych w Gminie Ostrowiec Świętokrzyski na lata 2014–2021",
      periodStart: 2014,
      periodEnd: 2021,
    },
  });
  const [pcpr] = await tx
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.shortName, "PCPR"))
    .limit(1);
  await makeOstrowiecAccounts(account, { ostrowiec, pcprId: pcpr?.id ?? null });
}

/** Bytom: the welfare centre's project pages with budgets (seed 002). */
async function seedBytom(tx: Tx, account: AccountMaker) {
  const system = (tenant: Tenant) => systemScope(tx, tenant);
  const bytom = await makeTenant(tx, {
    teryt: "2462011",
    slug: "bytom",
    name: "Miasto Bytom",
    kind: "miasto_na_prawach_powiatu",
    welfareCentreName: "Miejski Ośrodek Pomocy Rodzinie w Bytomiu",
  });
  await importSeed({
    scope: system(bytom),
    file: "bytom-projekty-mopr.txt",
    year: 2020,
    document: {
      slug: "projekty-mopr",
      kind: "other",
      title: "Projekty Miejskiego Ośrodka Pomocy Rodzinie w Bytomiu",
      periodStart: 2008,
      periodEnd: 2023,
    },
  });
  await account(
    "koordynator@bytom.demo",
    "Bożena Bytomska",
    { tenantId: bytom.id, role: "coordinator" },
    "koordynator",
    bytom.slug,
  );
}

export async function seedDemo(db: Db, source: DemoSource = "seeds"): Promise<DemoAccount[]> {
  const { publishDemo } = await import("./publish-demo.ts");
  if (source === "factories") {
    const factoryAccounts = await seedFactoryDemo(db);
    const tenantSlugs = [...new Set(factoryAccounts.map((a) => a.tenant))];
    await publishDemo(db, { minCount: 3, drafts: true, tenantSlugs });
    return factoryAccounts;
  }
  const seeded = await db.transaction(async (tx) => {
    const accounts: DemoAccount[] = [];
    const account = demoAccountMaker(tx, accounts);
    await seedRuda(tx, account);
    await seedOstrowiec(tx, account);
    await seedBytom(tx, account);
    await addDemoExampleYears(tx, await demoTenantIds(tx, accounts));
    return accounts;
  });
  const tenantSlugs = [...new Set(seeded.map((a) => a.tenant))];
  await publishDemo(db, { minCount: 3, drafts: false, tenantSlugs });
  return seeded;
}
