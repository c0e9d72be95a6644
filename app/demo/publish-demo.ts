// The demo's public portal: on first start every document's year with published cards or
// values is published, so `npm start` shows a live portal at / with no sign-in. The factory
// demo (browser tests) then gets what must never appear publicly: a draft edit made after
// publishing and an unpublished card, both marked with DEMO_UNPUBLISHED_MARKER.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { planDocuments, projectCards, tenants } from "../db/schema.ts";
import type { Actor } from "../domain/actor.ts";
import { listReportingYears } from "../domain/documents.ts";
import { publishYear } from "../domain/publication/publish.ts";
import type { TenantScope } from "../domain/scope.ts";
import { UserInputError } from "../domain/errors.ts";

export const DEMO_UNPUBLISHED_MARKER = "SZKIC-NIEPUBLICZNY";

const PUBLISHER: Actor = {
  userId: "",
  name: "Koordynator demonstracji",
  isSystemAdmin: true,
  membership: null,
};

export async function publishDemo(
  db: Db,
  opts: { minCount: number; drafts: boolean; tenantSlugs: string[] },
) {
  // Population and dictionary codes first: every publication below then refreshes the
  // comparison rollup with the mapped values (publishYear calls refreshComparisonRollup).
  const { seedComparisonDemo } = await import("./comparison-demo.ts");
  await seedComparisonDemo(db, { tenantSlugs: opts.tenantSlugs });
  // Only the demo's own municipalities: a test database holds other tests' ones too.
  const all = opts.tenantSlugs.length
    ? await db.select().from(tenants).where(inArray(tenants.slug, opts.tenantSlugs))
    : [];
  for (const tenant of all) {
    const scope: TenantScope = { db, tenant, actor: PUBLISHER };
    const docs = await db
      .select({ id: planDocuments.id, exampleYears: planDocuments.exampleYears })
      .from(planDocuments)
      .where(eq(planDocuments.tenantId, tenant.id));
    for (const doc of docs) {
      for (const year of await listReportingYears({ scope, documentId: doc.id })) {
        // Generated years are never public (decision 054); publishYear would refuse them too.
        if (doc.exampleYears.includes(year)) continue;
        try {
          // The demo's publisher has read the seeds' texts: their small numbers are the source's.
          await publishYear({
            scope,
            documentId: doc.id,
            year,
            minCount: opts.minCount,
            confirmAllProseCounts: true,
          });
        } catch (error) {
          // A year with nothing published yet stays unpublished.
          if (!(error instanceof UserInputError)) throw error;
        }
      }
    }
    if (opts.drafts) {
      await db
        .update(projectCards)
        .set({ evaluation: `${DEMO_UNPUBLISHED_MARKER}: ocena jeszcze nie zatwierdzona.` })
        .where(and(eq(projectCards.tenantId, tenant.id), eq(projectCards.published, false)));
      const [first] = await db
        .select({ id: projectCards.id, effects: projectCards.effects })
        .from(projectCards)
        .where(and(eq(projectCards.tenantId, tenant.id), eq(projectCards.published, true)))
        .limit(1);
      if (first) {
        await db
          .update(projectCards)
          .set({
            effects: `${first.effects ?? ""} ${DEMO_UNPUBLISHED_MARKER}: poprawka po publikacji.`,
          })
          .where(eq(projectCards.id, first.id));
      }
    }
  }
}
