// Search in a municipality (decision 052): case and diacritics aside, each word a prefix of a
// word, symbols like "C1K1", on PGlite and PostgreSQL; never another municipality's rows.
import { describe, expect, it } from "vitest";
import { makeInstitution, makeProject } from "../../app/demo/factories.ts";
import { searchTenant, searchWords } from "../../app/domain/search.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe("search words", () => {
  it("folds case and Polish diacritics and splits on anything else", () => {
    expect(searchWords("Ośrodek  POMOCY-społecznej")).toEqual(["osrodek", "pomocy", "spolecznej"]);
    expect(searchWords("ŁÓDŹ żółć")).toEqual(["lodz", "zolc"]);
    expect(searchWords("C1K7")).toEqual(["c1k7"]);
    expect(searchWords("'; drop table --")).toEqual(["drop", "table"]);
    expect(searchWords("a a a")).toEqual(["a"]);
  });
});

describe.each(engines())("search on %s", (engine) => {
  const database = useDatabase(engine);

  it("finds projects, indicators, goals, directions and institutions, only of its municipality", async () => {
    const w = await buildWorld(database.get());
    const other = await buildWorld(database.get());
    const db = database.get().db;
    await makeProject(db, w.tenant.id, w.dir1.id, {
      symbol: "C1K7",
      title: "Asystent rodziny w Ośrodku Pomocy Społecznej",
      lead: w.instA.id,
    });
    await makeInstitution(db, w.tenant.id, {
      name: "Miejski Ośrodek Pomocy Społecznej",
      shortName: "MOPS",
    });
    await makeProject(db, other.tenant.id, other.dir1.id, {
      symbol: "C1K7",
      title: "Asystent rodziny (inna gmina)",
      lead: other.instA.id,
    });
    const search = (query: string, who: "coordinator" | "partnerA" | "viewer" = "coordinator") =>
      searchTenant({ scope: w.scope(who), query });

    let r = await search("asyst rodz");
    expect(r.projects.map((p) => p.symbol)).toEqual(["C1K7"]);
    expect(r.projects[0]!.title).not.toContain("inna gmina");
    // Diacritics and case either way.
    expect((await search("OSRODKU")).projects).toHaveLength(1);
    expect((await search("ośrodek")).institutions.map((i) => i.shortName)).toEqual(["MOPS"]);
    expect((await search("mops")).institutions).toHaveLength(1);
    // A symbol, and a prefix of it.
    expect((await search("c1k7")).projects).toHaveLength(1);
    expect((await search("C1K")).projects.map((p) => p.symbol).sort()).toEqual(["C1K1", "C1K7"]);
    // Prefix of a word, not any substring: "stent" is inside "Asystent", not a word start.
    expect((await search("stent")).projects).toHaveLength(0);
    // Indicators, goals and directions.
    r = await search("osób objętych");
    expect(r.indicators.map((i) => i.name)).toEqual(["liczba osób objętych wsparciem"]);
    expect(r.indicators[0]!.year).toBe(2020);
    expect((await search("C1")).goals.map((g) => g.code)).toEqual(["C1"]);
    expect((await search("C2K1")).directions.map((g) => g.code)).toEqual(["C2K1"]);
    // Every member may search; too short a query finds nothing.
    const forPartner = await search("asystent", "partnerA");
    expect(forPartner.projects).toHaveLength(1);
    // Its institution leads the project: the partner may open the card.
    expect(forPartner.projects[0]!.canOpen).toBe(true);
    const forB = await searchTenant({ scope: w.scope("partnerB"), query: "asystent" });
    expect(forB.projects[0]!.canOpen).toBe(false);
    expect((await search("asystent", "viewer")).projects).toHaveLength(1);
    r = await search("a");
    expect(r.projects.length + r.institutions.length).toBe(0);
    // The other municipality finds its own project, not ours.
    const theirs = await searchTenant({ scope: other.scope("coordinator"), query: "asystent" });
    expect(theirs.projects.map((p) => p.title)).toEqual(["Asystent rodziny (inna gmina)"]);
  });
});
