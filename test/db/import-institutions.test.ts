// Implementers become institutions: after importing seed 000, every project whose card names an
// implementer is linked to its institutions, and a reporting round for the next year proposes a
// task for each of them (the issue measured 24 of 124 before). A later import of the same
// report links nothing twice; an institution stored with its short code is matched, not doubled.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { institutions, projectInstitutions, projects } from "../../app/db/schema.ts";
import { createInstitution } from "../../app/domain/institutions.ts";
import { importProposal } from "../../app/domain/import-drafts/drafts.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import { splitImplementers } from "../../app/report-reader/implementers.ts";
import { parseReportText } from "../../app/report-reader/parse-text.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";
import { SEED_000, readSeed } from "../unit/report-reader/seeds.ts";

const target = {
  newDocument: {
    kind: "strategy",
    title: "Strategia rozwiązywania problemów społecznych",
    slug: "srps-realizatorzy",
    periodStart: 2016,
    periodEnd: 2025,
    resolutionNumber: null,
    resolutionDate: null,
    status: "in_force",
  },
};

describe.each(engines())("implementers as institutions on %s", (engine) => {
  const database = useDatabase(engine);

  it("links every card's implementers and a round proposes a task for each such project", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    // Stored before the import under its short code: the cards' full name must find it.
    const pup = await createInstitution({
      scope,
      fields: { name: "PUP", shortName: "PUP", kind: "state_agency" },
    });
    const proposal = parseReportText(readSeed(SEED_000));
    const named = proposal.projects.filter(
      (p) => splitImplementers(p.fields.implementers).length > 0,
    );
    expect(named.length).toBeGreaterThanOrEqual(78);
    const db = database.get().db;
    const linkedProjects = async () =>
      db
        .select({ projectId: projectInstitutions.projectId, role: projectInstitutions.role })
        .from(projectInstitutions)
        .innerJoin(projects, eq(projects.id, projectInstitutions.projectId))
        .where(eq(projectInstitutions.tenantId, w.tenant.id));
    // The world's own document has linked projects already: only the import's count.
    const before = new Set((await linkedProjects()).map((l) => l.projectId));
    const summary = await importProposal({
      scope,
      proposal,
      target,
      year: 2020,
      sourceLabel: "import: test",
    });
    const links = (await linkedProjects()).filter((l) => !before.has(l.projectId));
    expect(new Set(links.map((l) => l.projectId)).size).toBe(named.length);
    expect(links.some((l) => l.role === "lead")).toBe(true);
    const stored = await db
      .select()
      .from(institutions)
      .where(and(eq(institutions.tenantId, w.tenant.id), eq(institutions.name, "PUP")));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(pup.id);

    const round = await openRound({
      scope,
      documentId: summary.documentId,
      year: 2021,
      deadline: "2022-02-28",
      remindBefore: [7],
      remindAfter: [1],
      changeThreshold: 50,
    });
    const view = await getRound({ scope, roundId: round.id });
    const cardTasks = new Set(
      view.assignments.filter((a) => a.kind === "card").map((a) => a.projectId),
    );
    expect(cardTasks.size).toBe(named.length);

    const again = await importProposal({
      scope,
      proposal,
      target: { documentId: summary.documentId },
      year: 2020,
      sourceLabel: "import: test again",
    });
    expect(again.created["project_institution"] ?? 0).toBe(0);
    expect(again.created["institution"] ?? 0).toBe(0);
  }, 180_000);
});
