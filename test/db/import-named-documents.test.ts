// Documents a report names become linked documents (issue 14 item 7): importing seed 003
// proposes its nine programs, each linked as implementing the strategy; a program the
// municipality already has (same resolution) is linked, not made twice; a rejected one is not
// created; importing again changes nothing.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, documentLinks, planDocuments } from "../../app/db/schema.ts";
import { makeDocument } from "../../app/demo/factories.ts";
import { readDocumentLinks } from "../../app/domain/document-links.ts";
import { commitDraft, createDraft, planDraft } from "../../app/domain/import-drafts/drafts.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";
import { SEED_003, readSeed } from "../unit/report-reader/seeds.ts";

const strategy = {
  newDocument: {
    kind: "strategy",
    title: "Strategia Rozwiązywania Problemów Społecznych w Gminie Ostrowiec Świętokrzyski",
    slug: "srps-2014-2021",
    periodStart: 2014,
    periodEnd: 2021,
    resolutionNumber: null,
    resolutionDate: null,
    status: "in_force",
  },
};

async function draftOf(scope: Parameters<typeof createDraft>[0]["scope"]) {
  const dir = await mkdtemp(path.join(tmpdir(), "busola-named-"));
  const file = path.join(dir, "ostrowiec-2021.txt");
  await writeFile(file, readSeed(SEED_003));
  return createDraft({ scope, file, fileName: "ostrowiec-2021.txt" });
}

describe.each(engines())("documents named in an imported report on %s", (engine) => {
  const database = useDatabase(engine);

  it("proposes seed 003's programs as documents implementing the strategy, and links them", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const db = database.get().db;
    // The municipality already has its family-support program, under its own title.
    const known = await makeDocument(db, w.tenant.id, {
      kind: "family_support",
      slug: "gpwr-2019-2021",
      title: "Program wspierania rodziny 2019–2021",
      periodStart: 2019,
      periodEnd: 2021,
      resolutionNumber: "XXI/112/2019",
    });

    const draft = await draftOf(scope);
    const plan = await planDraft({ scope, draft, documentId: null, year: 2021 });
    const proposed = plan.items.filter((i) => i.section === "document");
    expect(proposed).toHaveLength(9);
    expect(proposed[0]).toMatchObject({ label: known.title, action: "update" });
    expect(proposed.slice(1).every((i) => i.action === "create")).toBe(true);
    expect(proposed[1]!.changes).toContain("Przyjęty: 135/2020 z 28.12.2020\u00A0r.");
    // The reviewer turns down the housing programme.
    const housing = plan.namedDocuments.find((d) => /mieszkaniowym/u.test(d.title))!;

    const saved = await commitDraft({
      scope,
      draftId: draft.id,
      target: strategy,
      year: 2021,
      decisions: { rejected: [housing.key], corrections: {} },
    });
    // The strategy and seven programmes: the known one is linked, the housing one not made.
    expect(saved.created["plan_document"]).toBe(1 + 7);
    const links = await readDocumentLinks({ scope, documentId: saved.documentId });
    expect(links.implementedBy.map((d) => d.title)).toHaveLength(8);
    expect(links.implementedBy.map((d) => d.id)).toContain(known.id);
    const docs = await db
      .select()
      .from(planDocuments)
      .where(eq(planDocuments.tenantId, w.tenant.id));
    expect(docs.some((d) => /mieszkaniowym/u.test(d.title))).toBe(false);
    const elderly = docs.find((d) => /Osób Starszych/u.test(d.title))!;
    expect(elderly).toMatchObject({
      kind: "other",
      periodStart: 2021,
      periodEnd: 2025,
      resolutionNumber: "135/2020",
      resolutionDate: "2020-12-28",
    });
    expect(docs.find((d) => /Przemocy/u.test(d.title))!.kind).toBe("violence_prevention");
    // Attributed: each new document and each link has its audit entry.
    const created = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, w.tenant.id), eq(auditLog.entityId, elderly.id)));
    expect(created.map((e) => e.action)).toContain("create");

    // The same report again into the strategy: everything is known and linked.
    const again = await draftOf(scope);
    const replan = await planDraft({
      scope,
      draft: again,
      documentId: saved.documentId,
      year: 2021,
    });
    const actions = replan.items.filter((i) => i.section === "document").map((i) => i.action);
    expect(actions.filter((a) => a === "unchanged")).toHaveLength(8);
    expect(actions.filter((a) => a === "create")).toHaveLength(1); // the one turned down
    const second = await commitDraft({
      scope,
      draftId: again.id,
      target: { documentId: saved.documentId },
      year: 2021,
      decisions: { rejected: [housing.key], corrections: {} },
    });
    expect(second.created["plan_document"] ?? 0).toBe(0);
    const allLinks = await db
      .select()
      .from(documentLinks)
      .where(eq(documentLinks.tenantId, w.tenant.id));
    expect(allLinks).toHaveLength(8);
  }, 120_000);
});
