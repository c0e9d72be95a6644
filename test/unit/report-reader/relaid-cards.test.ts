// A document that is not a seed: a few seed 000 cards laid out again by hand with other label
// variants ("Cel:", "Adresaci:", "Realizatorzy:", "Finansowanie:", "Okres realizacji:"), fields
// in another order, symbols without brackets or in parentheses, titles broken across lines, no
// table of contents, another goal heading form and a coordinator label variant.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import { FIXTURES_DIR } from "./seeds.ts";

const proposal = parseReportText(readFileSync(`${FIXTURES_DIR}relaid-cards.txt`, "utf8"));

describe("a re-laid-out card report (not a seed)", () => {
  it("finds every card with its symbol and whole title", () => {
    expect(proposal.projects.map((p) => [p.symbol, p.title])).toEqual([
      [
        "C1K2",
        "Reintegracja społeczno - zawodowa bezrobotnych klientów pomocy społecznej „Warsztat edukacyjno - rozwojowy dla osób bezrobotnych”",
      ],
      [
        "C1K3",
        "Udzielanie schronienia osobom bezdomnym z terenu Miasta Ruda Śląska w formie schroniska dla osób bezdomnych z usługami opiekuńczymi",
      ],
      ["C1K4", "Motywowanie do utrzymywania trzeźwego stylu życia klientów pomocy społecznej"],
      ["C1K6", "Rudzki Zakład Aktywności Zawodowej"],
      ["C6K1", "Projekt praca!"],
    ]);
  });

  it("maps label variants to the same fields whatever their order", () => {
    const [first, , third] = proposal.projects;
    expect(first?.fields).toEqual({
      goal: "Przeciwdziałanie społecznemu wykluczeniu i marginalizacji bezrobotnych klientów pomocy społecznej – cel został osiągnięty.",
      addressees: "Bezrobotni klienci pomocy społecznej zagrożeni wykluczeniem.",
      implementers: "Miejski Ośrodek Pomocy Społecznej.",
      stages: "· rekrutacja uczestników,\n· zajęcia grupowe.",
      effects: "· 6 osób zakończyło zajęcia.",
      funding: "W ramach budżetu Miejskiego Ośrodka Pomocy Społecznej.",
      timeframe: "Projekt realizowany od 2007r. Projekt będzie kontynuowany w 2021r.",
    });
    expect(third?.fields.funding).toBe("Środki własne.");
    expect(third?.fields.implementers).toBe("Dział Pracy Socjalnej.");
    expect(third?.fields.timeframe).toBe("Projekt realizowany od 2012 r., będzie kontynuowany.");
    expect(third?.fields.goal).toBe(
      "Utrzymanie abstynencji uczestników. Cel został osiągnięty częściowo.",
    );
    expect(third?.fields.addressees).toBe("Klienci pomocy społecznej z problemem alkoholowym.");
    expect(third?.fields.effects).toBe("· liczba uczestników – 12 osób.");
  });

  it("reads the status of cards without fields", () => {
    expect(proposal.projects.map((p) => p.status)).toEqual([
      "carried_out",
      "not_carried_out",
      "carried_out",
      "reported_elsewhere",
      "carried_out",
    ]);
    expect(proposal.projects[1]?.statusReason).toBe("Zadanie nie było realizowane.");
  });

  it("reads the budget with its parts and percentages", () => {
    expect(proposal.projects[4]?.budget).toEqual({
      total: 1200000,
      parts: [
        { source: "EFS", amount: 1020000, percent: 85 },
        { source: "budżet państwa", amount: 120000, percent: 10 },
        { source: "wkład własny", amount: 60000, percent: 5 },
      ],
    });
  });

  it("reads goals, multi-line goal titles and coordinators in other forms", () => {
    expect(proposal.goals.map((g) => [g.code, g.title, g.coordinator])).toEqual([
      [
        "C1",
        "Rozwijanie efektywnego systemu pomocy i integracji społecznej",
        "Karina Kaczyńska – Zastępca Dyrektora Miejskiego Ośrodka Pomocy Społecznej",
      ],
      [
        "C6",
        "Wspieranie aktywizacji społecznej i zawodowej osób wykluczonych i zagrożonych wykluczeniem społecznym",
        "Beata Płaczek – Dyrektor Powiatowego Urzędu Pracy w Rudzie Śląskiej",
      ],
    ]);
    expect(proposal.goals[0]?.directions.find((d) => d.code === "C1K2")?.title).toBe(
      "Wsparcie i aktywizacja osób bezrobotnych",
    );
  });

  it("reads a next-year list under another heading", () => {
    expect(proposal.nextYearProjects).toEqual([
      {
        symbol: "C1K2",
        title:
          "Reintegracja społeczno - zawodowa bezrobotnych klientów pomocy społecznej „Warsztat edukacyjno - rozwojowy dla osób bezrobotnych”",
      },
      {
        symbol: "C1K4",
        title: "Motywowanie do utrzymywania trzeźwego stylu życia klientów pomocy społecznej",
      },
    ]);
    expect(proposal.document.year).toBe(2020);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(proposal))).toEqual(proposal);
  });
});

describe("documents without the structures", () => {
  it("returns an empty proposal with a Polish warning for text that is not a report", () => {
    const p = parseReportText("Lorem ipsum dolor sit amet.\nTo nie jest sprawozdanie.");
    expect(p.projects).toEqual([]);
    expect(p.indicators).toEqual([]);
    expect(p.warnings.some((w) => w.includes("Nie rozpoznano"))).toBe(true);
  });

  it("accepts an empty text", () => {
    expect(parseReportText("").projects).toEqual([]);
  });
});
