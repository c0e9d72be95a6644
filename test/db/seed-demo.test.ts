// The demo `npm start` creates: the seed reports imported through the importer.
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../app/demo/seed-demo.ts";
import { getDocument } from "../../app/domain/documents.ts";
import { getProjectCard } from "../../app/domain/project-cards.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { useDatabase } from "../support/db.ts";
import { demoScope } from "../support/demo-scope.ts";

// Demo slugs and TERYT codes are fixed, so this runs on a fresh PGlite snapshot only.
describe("demo data from the seed reports", () => {
  const database = useDatabase("pglite");

  it("imports three municipalities with their cards, indicators, contributions and budgets", async () => {
    const accounts = await seedDemo(database.get().db, "seeds");
    expect(new Set(accounts.map((a) => a.tenant))).toEqual(
      new Set(["ruda-slaska", "ostrowiec-swietokrzyski", "bytom"]),
    );

    const ruda = await demoScope(database.get(), "ruda-slaska", "koordynator@ruda-slaska.demo");
    const rudaDoc = await getDocument({ scope: ruda, idOrSlug: "srps-2016-2025" });
    const rudaTree = await getStrategyTree({ scope: ruda, documentId: rudaDoc.id, year: 2020 });
    expect(rudaTree).toHaveLength(9);
    const rudaProjects = rudaTree.flatMap((g) => g.directions.flatMap((d) => d.projects));
    expect(rudaProjects.filter((p) => p.cardStatus !== "missing").length).toBe(124);
    expect(rudaTree[0]!.coordinatorName).toBe("Karina Kaczyńska");

    // The PUP partner has cards of its own (linked from "Realizator projektu").
    const partner = await demoScope(database.get(), "ruda-slaska", "pup@ruda-slaska.demo");
    const partnerTree = await getStrategyTree({
      scope: partner,
      documentId: rudaDoc.id,
      year: 2020,
    });
    const own = partnerTree
      .flatMap((g) => g.directions.flatMap((d) => d.projects))
      .filter((p) => p.cardStatus !== "hidden" && p.cardStatus !== "missing");
    expect(own.length).toBeGreaterThan(0);

    const ostrowiec = await demoScope(
      database.get(),
      "ostrowiec-swietokrzyski",
      "koordynator@ostrowiec.demo",
    );
    const oDoc = await getDocument({ scope: ostrowiec, idOrSlug: "srps-2014-2021" });
    const oTree = await getStrategyTree({ scope: ostrowiec, documentId: oDoc.id, year: 2021 });
    const indicators = oTree.flatMap((g) => g.directions.flatMap((d) => d.indicators));
    expect(indicators).toHaveLength(92);
    expect(indicators.filter((i) => i.findings > 0).length).toBeGreaterThanOrEqual(4);

    const bytom = await demoScope(database.get(), "bytom", "koordynator@bytom.demo");
    const bDoc = await getDocument({ scope: bytom, idOrSlug: "projekty-mopr" });
    const bTree = await getStrategyTree({ scope: bytom, documentId: bDoc.id, year: 2020 });
    const bProjects = bTree.flatMap((g) => g.directions.flatMap((d) => d.projects));
    expect(bProjects).toHaveLength(25);
    const withBudget = await getProjectCard({
      scope: bytom,
      projectId: bProjects[0]!.id,
      year: 2020,
    });
    expect(withBudget.budgets.length).toBe(1);
  });
});
