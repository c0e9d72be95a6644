// The demo data, built by the shared factories, and the strategy tree read over it.
import { describe, expect, it } from "vitest";
import { seedFactoryDemo as seedDemo } from "../../app/demo/factory-demo.ts";
import { getDocument } from "../../app/domain/documents.ts";
import { getIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { getProjectCard } from "../../app/domain/project-cards.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { addMember, listMembers } from "../../app/domain/members.ts";
import { ForbiddenError } from "../../app/domain/errors.ts";
import { useDatabase } from "../support/db.ts";
import { demoScope } from "../support/demo-scope.ts";

// Demo slugs and TERYT codes are fixed, so this runs on a fresh PGlite snapshot only.
describe("demo data", () => {
  const database = useDatabase("pglite");

  it("seeds two municipalities whose tree shows counts and the seeds' real inconsistencies", async () => {
    const accounts = await seedDemo(database.get().db);
    expect(accounts.map((a) => a.email)).toContain("koordynator@ruda-slaska.demo");

    const ostrowiec = await demoScope(
      database.get(),
      "ostrowiec-swietokrzyski",
      "koordynator@ostrowiec.demo",
    );
    const doc = await getDocument({ scope: ostrowiec, idOrSlug: "srps-2014-2021" });
    const tree = await getStrategyTree({ scope: ostrowiec, documentId: doc.id, year: 2021 });
    expect(tree.map((g) => g.code)).toEqual(["1", "2"]);
    const indicators = tree.flatMap((g) => g.directions.flatMap((d) => d.indicators));
    const withFindings = indicators.filter((i) => i.findings > 0).map((i) => i.name);
    expect(withFindings.sort()).toEqual(
      [
        "liczba dzieci korzystających ze świetlic środowiskowych",
        "liczba organizacji pozarządowych, którym zlecono zadania",
        "liczba osób uczestniczących w turnusach rehabilitacyjnych",
        "liczba przeprowadzonych kampanii społecznych",
      ].sort(),
    );
    const camps = indicators.find((i) => i.name.includes("turnusach"))!;
    const value = await getIndicatorValue({ scope: ostrowiec, indicatorId: camps.id, year: 2021 });
    // One finding on the total; PCPR's own "w tym" 590 + 24 + 136 + 22 = 772 is consistent.
    expect(value.bundle!.findings.map((f) => f.code)).toEqual(["total_vs_contributions"]);

    const ruda = await demoScope(database.get(), "ruda-slaska", "koordynator@ruda-slaska.demo");
    const rudaDoc = await getDocument({ scope: ruda, idOrSlug: "srps-2016-2025" });
    const rudaTree = await getStrategyTree({ scope: ruda, documentId: rudaDoc.id, year: 2020 });
    const c1 = rudaTree.find((g) => g.code === "C1")!;
    expect(c1.coordinatorName).toBe("Karina Kaczyńska");
    expect(c1.counts).toMatchObject({ projects: 4, notCarriedOut: 1 });
    const kis = c1.directions
      .flatMap((d) => d.projects)
      .find((p) => p.title === "Klub Integracji Społecznej")!;
    const card = await getProjectCard({ scope: ruda, projectId: kis.id, year: 2020 });
    expect(card.findings.map((f) => f.code)).toContain("status_reason_missing");
    const cwr = rudaTree
      .flatMap((g) => g.directions.flatMap((d) => d.projects))
      .find((p) => p.title === "Centrum Wsparcia Rodziny")!;
    const budget = (await getProjectCard({ scope: ruda, projectId: cwr.id, year: 2020 }))
      .budgets[0]!;
    expect(budget.findings.map((f) => f.code)).toContain("budget_percent_mismatch");

    // Partner PUP sees the structure, but the card of a project it has no part in is hidden.
    const partner = await demoScope(database.get(), "ruda-slaska", "pup@ruda-slaska.demo");
    const partnerTree = await getStrategyTree({
      scope: partner,
      documentId: rudaDoc.id,
      year: 2020,
    });
    const statuses = partnerTree
      .flatMap((g) => g.directions.flatMap((d) => d.projects))
      .map((p) => [p.title, p.cardStatus]);
    expect(statuses).toContainEqual(["Klub Integracji Społecznej", "hidden"]);
    expect(statuses).toContainEqual(["Monitorowanie problemów społecznych", "carried_out"]); // published

    // Members: the administrator grants roles, a coordinator may not.
    const admin = await demoScope(database.get(), "ruda-slaska", "admin@ruda-slaska.demo");
    await addMember({
      scope: admin,
      email: "nowa@ruda.pl",
      name: "Nowa Osoba",
      password: "dlugie-haslo-123",
      role: "viewer",
      institutionId: null,
      goalIds: [],
    });
    expect((await listMembers({ scope: admin })).map((m) => m.email)).toContain("nowa@ruda.pl");
    await expect(
      addMember({
        scope: ruda,
        email: "x@ruda.pl",
        name: "X",
        password: "dlugie-haslo-123",
        role: "admin",
        institutionId: null,
        goalIds: [],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
