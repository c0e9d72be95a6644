// Population of a municipality by year (decision 055): what "per 1,000 residents" on the
// comparison page divides by. Entered by the municipality's administrator (one year, or a CSV
// pasted on the page) or loaded for many municipalities by `busola population load FILE`.
// Every save is audited (recordChange / updateVersioned).
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { populations } from "../../db/schema.ts";
import { formatNumber } from "../../format/polish-numbers.ts";
import { authorize, canManagePopulation } from "../../policies/index.ts";
import { SYSTEM_ACTOR } from "../actor.ts";
import { recordChange } from "../audit.ts";
import { UserInputError } from "../errors.ts";
import { inTenant, inTransaction, type Tenant, type TenantScope } from "../scope.ts";
import { findTenant } from "../tenants.ts";
import { updateVersioned } from "../versioned-update.ts";
import { parsePopulationCsv, type PopulationLine } from "./population-csv.ts";

export type PopulationYear = { year: number; residents: number; source: string | null };

export async function listPopulation(opts: { scope: TenantScope }): Promise<PopulationYear[]> {
  const { scope } = opts;
  authorize(canManagePopulation(scope.actor), { hide: true });
  return scope.db
    .select({
      year: populations.year,
      residents: populations.residents,
      source: populations.source,
    })
    .from(populations)
    .where(inTenant(scope, populations))
    .orderBy(asc(populations.year));
}

/** Sets one year's figure: a new row, or the existing one changed (versioned and audited). */
export async function savePopulation(opts: {
  scope: TenantScope;
  year: number;
  residents: number;
  source: string | null;
}): Promise<void> {
  const { scope, year, residents, source } = opts;
  authorize(canManagePopulation(scope.actor), { hide: true });
  await inTransaction(scope, async (tx) => {
    const [existing] = await tx.db
      .select()
      .from(populations)
      .where(inTenant(tx, populations, eq(populations.year, year)))
      .for("update");
    if (existing) {
      await updateVersioned({
        scope: tx,
        table: populations,
        entityType: "population",
        id: existing.id,
        expectedVersion: existing.version,
        values: { residents, source },
      });
      return;
    }
    const [row] = await tx.db
      .insert(populations)
      .values({
        tenantId: tx.tenant.id,
        year,
        residents,
        source,
        updatedBy: tx.actor.userId || null,
      })
      .returning();
    await recordChange(tx, {
      entityType: "population",
      entityId: row!.id,
      action: "create",
      before: null,
      after: { year, residents, source },
    });
  });
}

function refuse(errors: { message: string }[]): never {
  const shown = errors.slice(0, 20).map((e) => e.message);
  const more =
    errors.length > 20 ? ` … i ${formatNumber(errors.length - 20)} dalszych błędów.` : "";
  throw new UserInputError(`Nie wczytano danych. ${shown.join(" ")}${more}`, "csv");
}

/** A CSV of `rok,ludnosc` for this municipality (the population page); all lines or none. */
export async function savePopulationCsv(opts: {
  scope: TenantScope;
  text: string;
  source: string | null;
}): Promise<number> {
  const { scope } = opts;
  authorize(canManagePopulation(scope.actor), { hide: true });
  const parsed = parsePopulationCsv(opts.text, { withTeryt: false });
  if (parsed.errors.length > 0) refuse(parsed.errors);
  await inTransaction(scope, async (tx) => {
    for (const r of parsed.rows)
      await savePopulation({
        scope: tx,
        year: r.year,
        residents: r.residents,
        source: opts.source,
      });
  });
  return parsed.rows.length;
}

/**
 * `busola population load FILE`: `teryt,rok,ludnosc` lines for any municipalities of the
 * installation, as the system. Every line is checked (format, and that Busola has a
 * municipality of that TERYT code) before anything is saved; then all of it in one transaction.
 */
export async function loadPopulationFile(opts: {
  db: DbOrTx;
  text: string;
  source: string;
}): Promise<{ rows: number; municipalities: number }> {
  const parsed = parsePopulationCsv(opts.text, { withTeryt: true });
  const tenants = new Map<string, Tenant>();
  const errors = [...parsed.errors];
  const valid: PopulationLine[] = [];
  for (const r of parsed.rows) {
    const tenant = tenants.get(r.teryt!) ?? (await findTenant(opts.db, r.teryt!));
    if (!tenant || tenant.teryt !== r.teryt) {
      errors.push({
        line: r.line,
        message: `Wiersz ${r.line}: w Busoli nie ma gminy o kodzie TERYT ${r.teryt}.`,
      });
      continue;
    }
    tenants.set(r.teryt!, tenant);
    valid.push(r);
  }
  if (errors.length > 0) refuse(errors.sort((a, b) => a.line - b.line));
  await opts.db.transaction(async (tx) => {
    for (const r of valid) {
      const scope = { db: tx, tenant: tenants.get(r.teryt!)!, actor: SYSTEM_ACTOR };
      await savePopulation({ scope, year: r.year, residents: r.residents, source: opts.source });
    }
  });
  return { rows: valid.length, municipalities: tenants.size };
}
