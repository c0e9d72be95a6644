import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  indicatorContributions,
  indicatorValues,
  indicators,
  projectCards,
  projects,
  strategicGoals,
} from "../../app/db/schema.ts";
import { NotFoundError, ForbiddenError } from "../../app/domain/errors.ts";
import {
  commitDraft,
  createDraft,
  getDraft,
  importProposal,
  planDraft,
} from "../../app/domain/import-drafts/drafts.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { parseReportText } from "../../app/report-reader/parse-text.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";
import {
  FIXTURES_DIR,
  SEEDS_DIR,
  SEED_000,
  SEED_003,
  readSeed,
} from "../unit/report-reader/seeds.ts";

const seeds = existsSync(SEEDS_DIR + SEED_000) && existsSync(SEEDS_DIR + SEED_003);

const newDocument = (slug: string, start: number, end: number) => ({
  newDocument: {
    kind: "strategy",
    title: "Strategia rozwiązywania problemów społecznych",
    slug,
    periodStart: start,
    periodEnd: end,
    resolutionNumber: null,
    resolutionDate: null,
    status: "in_force",
  },
});

async function writeTemp(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "busola-import-"));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe.each(engines())("import commit on %s", (engine) => {
  const database = useDatabase(engine);

  it.skipIf(!seeds)(
    "saves seed 000 in one go; importing it again adds nothing and changes nothing",
    async () => {
      const w = await buildWorld(database.get());
      const scope = w.scope("coordinator");
      const proposal = parseReportText(readSeed(SEED_000));
      const first = await importProposal({
        scope,
        proposal,
        target: newDocument("srps-import", 2016, 2025),
        year: 2020,
        sourceLabel: "import: test",
      });
      expect(first.created["project_card"]).toBe(124);
      expect(first.created["strategic_goal"]).toBe(9);
      const db = database.get().db;
      const [goalCount] = await db
        .select({ n: count() })
        .from(strategicGoals)
        .where(eq(strategicGoals.documentId, first.documentId));
      expect(goalCount!.n).toBe(9);
      const tree = await getStrategyTree({ scope, documentId: first.documentId, year: 2020 });
      expect(tree).toHaveLength(9);
      expect(tree[0]!.coordinatorName).toMatch(/Kaczyńska/u);

      // The same report again, into the same document: everything is recognised.
      const draftFile = await writeTemp("raport-2020.txt", readSeed(SEED_000));
      const draft = await createDraft({ scope, file: draftFile, fileName: "raport-2020.txt" });
      const plan = await planDraft({ scope, draft, documentId: first.documentId, year: 2020 });
      const actions = new Set(
        plan.items.filter((i) => i.section === "project").map((i) => i.action),
      );
      expect([...actions]).toEqual(["unchanged"]);
      const again = await commitDraft({
        scope,
        draftId: draft.id,
        target: { documentId: first.documentId },
        year: 2020,
        decisions: { rejected: [], corrections: {} },
      });
      expect(again.created["project"] ?? 0).toBe(0);
      expect(again.created["project_card"] ?? 0).toBe(0);

      // A later year's report of the same strategy adds the year to the same projects.
      const later = await importProposal({
        scope,
        proposal: { ...proposal, document: { ...proposal.document, year: 2021 } },
        target: { documentId: first.documentId },
        year: 2021,
        sourceLabel: "import: test 2021",
      });
      expect(later.created["project"] ?? 0).toBe(0);
      expect(later.created["project_card"]).toBe(124);
    },
  );

  it.skipIf(!seeds)(
    "saves seed 003 with per-institution contributions and shows the four real mismatches",
    async () => {
      const w = await buildWorld(database.get());
      const scope = w.scope("coordinator");
      const file = await writeTemp("ostrowiec-2021.txt", readSeed(SEED_003));
      const draft = await createDraft({ scope, file, fileName: "ostrowiec-2021.txt" });
      const plan = await planDraft({ scope, draft, documentId: null, year: 2021 });
      const mismatches = plan.items.filter((i) =>
        i.findings.some((f) => f.code === "total_vs_contributions"),
      );
      expect(mismatches.length).toBeGreaterThanOrEqual(4);
      const summary = await commitDraft({
        scope,
        draftId: draft.id,
        target: newDocument("strategia-2014-2021", 2014, 2021),
        year: 2021,
        decisions: { rejected: [], corrections: {} },
      });
      expect(summary.created["indicator"]).toBe(92);
      const db = database.get().db;
      const [n] = await db
        .select({ n: count() })
        .from(indicatorContributions)
        .where(eq(indicatorContributions.tenantId, w.tenant.id));
      expect(n!.n).toBeGreaterThan(150);
      // The draft is committed once only.
      await expect(
        commitDraft({
          scope,
          draftId: draft.id,
          target: { documentId: summary.documentId },
          year: 2021,
          decisions: { rejected: [], corrections: {} },
        }),
      ).rejects.toThrow(/już zapisany/u);
      const [audit] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, w.tenant.id), eq(auditLog.entityType, "indicator_value")));
      expect(audit!.n).toBe(92);
    },
  );

  it("refuses a file that is not a report; applies the reviewer's rejections and corrections", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const notReport = await writeTemp("lista.txt", "Lista zakupów\nmleko, chleb, masło\n");
    await expect(createDraft({ scope, file: notReport, fileName: "lista.txt" })).rejects.toThrow(
      /Nie rozpoznano/u,
    );

    const file = path.join(FIXTURES_DIR, "relaid-cards.txt");
    const draft = await createDraft({ scope, file, fileName: "karty.txt" });
    const plan = await planDraft({ scope, draft, documentId: null, year: 2020 });
    const cards = plan.items.filter((i) => i.section === "project");
    expect(cards).toHaveLength(5);
    const goalC6 = plan.goals.find((g) => g.code === "C6")!;
    await commitDraft({
      scope,
      draftId: draft.id,
      target: newDocument("karty-2020", 2016, 2025),
      year: 2020,
      decisions: {
        // Rejecting goal C6 takes its project with it; one C1 project is rejected alone.
        rejected: [goalC6.key, cards[0]!.key],
        corrections: { [cards[1]!.key]: { title: "Schronisko dla osób bezdomnych" } },
      },
    });
    const rows = await database
      .get()
      .db.select()
      .from(projects)
      .where(eq(projects.tenantId, w.tenant.id));
    const titles = rows.map((r) => r.title);
    expect(titles).toContain("Schronisko dla osób bezdomnych");
    expect(titles.some((t) => t.startsWith("Reintegracja"))).toBe(false);
    expect(titles).not.toContain("Projekt praca!");
    expect(rows.filter((r) => r.symbol !== "C1K1" && r.symbol !== "C2K1")).toHaveLength(3);
  });

  it("refuses partners and viewers, and other municipalities' drafts", async () => {
    const w = await buildWorld(database.get());
    const other = await buildWorld(database.get());
    // A non-seed report kept in the repository: the test runs without ../shared/seeds too.
    const file = path.join(FIXTURES_DIR, "relaid-cards.txt");
    await expect(
      createDraft({ scope: w.scope("partnerA"), file, fileName: "r.txt" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createDraft({ scope: w.scope("viewer"), file, fileName: "r.txt" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const draft = await createDraft({ scope: w.scope("coordinator"), file, fileName: "r.txt" });
    await expect(
      getDraft({ scope: other.scope("coordinator"), draftId: draft.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      commitDraft({
        scope: other.scope("coordinator"),
        draftId: draft.id,
        target: { documentId: other.doc.id },
        year: 2020,
        decisions: { rejected: [], corrections: {} },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getDraft({ scope: w.scope("partnerA"), draftId: draft.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it.skipIf(!seeds)("a failure midway leaves nothing behind", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const proposal = parseReportText(readSeed(SEED_003));
    // An indicator name over PostgreSQL's btree limit would do; simplest: a value out of range.
    proposal.indicators[50]!.value = 1e20;
    await expect(
      importProposal({
        scope,
        proposal,
        target: newDocument("strategia-fail", 2014, 2021),
        year: 2021,
        sourceLabel: "test",
      }),
    ).rejects.toThrow();
    const db = database.get().db;
    const [i] = await db
      .select({ n: count() })
      .from(indicators)
      .where(eq(indicators.tenantId, w.tenant.id));
    expect(i!.n).toBe(1); // the world's own indicator only
    const [v] = await db
      .select({ n: count() })
      .from(indicatorValues)
      .where(eq(indicatorValues.tenantId, w.tenant.id));
    expect(v!.n).toBe(1);
    const [c] = await db
      .select({ n: count() })
      .from(projectCards)
      .where(eq(projectCards.tenantId, w.tenant.id));
    expect(c!.n).toBe(2);
  });
});
