// Links between documents (decision 063) and a new strategy period as a copy (decision 061):
// set and changed on the document form's domain call, read both ways, audited before/after;
// the copy takes the tree, institutions and indicators but no values or cards, all or nothing.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  indicators,
  indicatorValues,
  operationalGoals,
  planDocuments,
  projectCards,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../../app/db/schema.ts";
import { makeDocument } from "../../app/demo/factories.ts";
import { readDocumentLinks, setImplementedDocuments } from "../../app/domain/document-links.ts";
import { listLinkedDocuments } from "../../app/domain/documents.ts";
import { ForbiddenError, UserInputError } from "../../app/domain/errors.ts";
import { startNextPeriod } from "../../app/domain/strategy-period.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

const nextFields = {
  kind: "strategy",
  title: "Strategia Rozwiązywania Problemów Społecznych na lata 2026–2035",
  slug: "srps-2026-2035",
  periodStart: 2026,
  periodEnd: 2035,
  resolutionNumber: null,
  resolutionDate: null,
  status: "in_force",
};

describe.each(engines())("document links and new periods on %s", (engine) => {
  const database = useDatabase(engine);

  it("a program implements the strategy: set, changed, removed, audited, shown both ways", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    const program = await makeDocument(db, w.tenant.id, {
      kind: "family_support",
      title: "Gminny Program Wspierania Rodziny",
      periodStart: 2021,
      periodEnd: 2023,
    });
    const other = await makeDocument(db, w.tenant.id, { title: "Inna strategia" });
    await expect(
      setImplementedDocuments({
        scope: w.scope("viewer"),
        documentId: program.id,
        targetIds: [w.doc.id],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      setImplementedDocuments({
        scope: w.scope("coordinator"),
        documentId: program.id,
        targetIds: [program.id],
      }),
    ).rejects.toBeInstanceOf(UserInputError);

    await setImplementedDocuments({
      scope: w.scope("coordinator"),
      documentId: program.id,
      targetIds: [w.doc.id],
    });
    const ofStrategy = await readDocumentLinks({ scope: w.scope("viewer"), documentId: w.doc.id });
    expect(ofStrategy.implementedBy.map((d) => d.title)).toEqual([
      "Gminny Program Wspierania Rodziny",
    ]);
    const ofProgram = await readDocumentLinks({ scope: w.scope("viewer"), documentId: program.id });
    expect(ofProgram.implements.map((d) => d.id)).toEqual([w.doc.id]);
    // The report's introduction reads the same links.
    expect(
      (await listLinkedDocuments({ scope: w.scope("viewer"), documentId: w.doc.id })).implementedBy,
    ).toHaveLength(1);

    // Saving the same choice again changes nothing and writes no entry.
    await setImplementedDocuments({
      scope: w.scope("coordinator"),
      documentId: program.id,
      targetIds: [w.doc.id],
    });
    await setImplementedDocuments({
      scope: w.scope("coordinator"),
      documentId: program.id,
      targetIds: [other.id],
    });
    expect(
      (await readDocumentLinks({ scope: w.scope("viewer"), documentId: w.doc.id })).implementedBy,
    ).toEqual([]);
    await setImplementedDocuments({
      scope: w.scope("coordinator"),
      documentId: program.id,
      targetIds: [],
    });
    expect(
      (await readDocumentLinks({ scope: w.scope("viewer"), documentId: program.id })).implements,
    ).toEqual([]);

    const trail = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, program.id), eq(auditLog.entityType, "plan_document")))
      .orderBy(auditLog.at);
    expect(trail.map((t) => [t.before, t.after])).toEqual([
      [{ implements: [] }, { implements: [w.doc.title] }],
      [{ implements: [w.doc.title] }, { implements: ["Inna strategia"] }],
      [{ implements: ["Inna strategia"] }, { implements: [] }],
    ]);
  });

  it("a new period copies tree, institutions and indicators, no values or cards, and continues the old one", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    await expect(
      startNextPeriod({ scope: w.scope("partnerA"), fromDocumentId: w.doc.id, fields: nextFields }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const copy = await startNextPeriod({
      scope: w.scope("coordinator"),
      fromDocumentId: w.doc.id,
      fields: { ...nextFields, slug: `srps-${w.tenant.slug}` },
    });
    expect(copy.counts).toEqual({ goals: 2, directions: 2, projects: 2, indicators: 1 });
    const goals = await db
      .select()
      .from(strategicGoals)
      .where(eq(strategicGoals.documentId, copy.documentId));
    expect(goals.map((g) => g.code).sort()).toEqual(["C1", "C2"]);
    const dirs = await db
      .select()
      .from(operationalGoals)
      .where(
        inArray(
          operationalGoals.strategicGoalId,
          goals.map((g) => g.id),
        ),
      );
    const projs = await db
      .select()
      .from(projects)
      .where(
        inArray(
          projects.operationalGoalId,
          dirs.map((d) => d.id),
        ),
      );
    expect(projs.map((p) => p.title).sort()).toEqual(["Projekt A", "Projekt B"]);
    const links = await db
      .select()
      .from(projectInstitutions)
      .where(
        inArray(
          projectInstitutions.projectId,
          projs.map((p) => p.id),
        ),
      );
    expect(links.map((l) => l.institutionId).sort()).toEqual([w.instA.id, w.instB.id].sort());
    const inds = await db
      .select()
      .from(indicators)
      .where(
        inArray(
          indicators.operationalGoalId,
          dirs.map((d) => d.id),
        ),
      );
    expect(inds).toMatchObject([{ name: "liczba osób objętych wsparciem", unit: "osoby" }]);
    expect(
      await db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, inds[0]!.id)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(projectCards)
        .where(
          inArray(
            projectCards.projectId,
            projs.map((p) => p.id),
          ),
        ),
    ).toEqual([]);
    // The old document keeps everything.
    expect(
      await db
        .select()
        .from(indicatorValues)
        .where(eq(indicatorValues.indicatorId, w.indicator.id)),
    ).toHaveLength(1);

    const ofNew = await readDocumentLinks({
      scope: w.scope("viewer"),
      documentId: copy.documentId,
    });
    expect(ofNew.continues.map((d) => d.id)).toEqual([w.doc.id]);
    const ofOld = await readDocumentLinks({ scope: w.scope("viewer"), documentId: w.doc.id });
    expect(ofOld.continuedBy.map((d) => d.id)).toEqual([copy.documentId]);
    // A continuation is not a program implementing the strategy.
    expect(
      (await listLinkedDocuments({ scope: w.scope("viewer"), documentId: w.doc.id })).implementedBy,
    ).toEqual([]);

    const created = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, w.tenant.id), eq(auditLog.action, "create")));
    const copiedProject = created.find(
      (c) => c.entityId === projs.find((p) => p.title === "Projekt A")!.id,
    );
    expect(copiedProject?.after).toMatchObject({
      title: "Projekt A",
      institutionIds: [w.instA.id],
      copiedFrom: expect.stringContaining("2016–2025"),
    });
  });

  it("all or nothing: a refused period leaves no document, goal or link behind", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    const before = await db
      .select()
      .from(planDocuments)
      .where(eq(planDocuments.tenantId, w.tenant.id));
    // The address is taken by the previous document: the create fails after nothing is written.
    await expect(
      startNextPeriod({
        scope: w.scope("coordinator"),
        fromDocumentId: w.doc.id,
        fields: { ...nextFields, slug: w.doc.slug },
      }),
    ).rejects.toMatchObject({ field: "slug" });
    // A period that does not start later is refused at its field.
    await expect(
      startNextPeriod({
        scope: w.scope("coordinator"),
        fromDocumentId: w.doc.id,
        fields: { ...nextFields, periodStart: 2016 },
      }),
    ).rejects.toMatchObject({ field: "periodStart" });
    const after = await db
      .select()
      .from(planDocuments)
      .where(eq(planDocuments.tenantId, w.tenant.id));
    expect(after).toHaveLength(before.length);
    const goals = await db
      .select()
      .from(strategicGoals)
      .where(eq(strategicGoals.tenantId, w.tenant.id));
    expect(goals).toHaveLength(2);
  });
});
