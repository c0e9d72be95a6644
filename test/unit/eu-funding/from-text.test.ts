// EU co-financing read from real card texts (seeds: Bytom MOPR's project pages, Ruda Śląska's
// cards) and the statement built from it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { euFundingFromText } from "../../../app/domain/eu-funding/from-text.ts";
import { effectiveEuFunding, euStatement } from "../../../app/domain/eu-funding/statement.ts";
import { NO_EU_FUNDING } from "../../../app/domain/eu-funding/types.ts";
import { euOfPublishedProject } from "../../../app/domain/eu-funding/of-project.ts";

const seed = (name: string) => readFileSync(`app/demo/seeds/${name}`, "utf8").split("\n");
const bytom = seed("bytom-projekty-mopr.txt");
const ruda = seed("ruda-slaska-2020-karty-projektow.txt");
const lineWith = (lines: string[], text: string) => lines.find((l) => l.includes(text))!;

describe("EU co-financing from prose", () => {
  it("reads programme, axis, measure and sub-measure in the genitive, in any order", () => {
    const f = euFundingFromText(
      lineWith(
        bytom,
        "jest współfinansowany ze środków Europejskiego Funduszu Społecznego, w ramach",
      ),
    );
    expect(f).toEqual({
      ...NO_EU_FUNDING,
      programme: "Regionalny Program Operacyjny Województwa Śląskiego na lata 2014–2020",
      priorityAxis: "IX Włączenie społeczne",
      measure: "9.2 Dostępne i efektywne usługi społeczne i zdrowotne",
      subMeasure:
        "9.2.1 Rozwój usług społecznych i zdrowotnych - Zintegrowane Inwestycje Terytorialne Subregionu Centralnego",
      fund: "efs",
    });
  });

  it("reads 'Działanie: 9.1 …, Poddziałanie 9.1.3. …' in brackets", () => {
    const f = euFundingFromText(lineWith(bytom, "(Działanie: 9.1 Aktywna integracja"));
    expect(f?.measure).toBe("9.1 Aktywna integracja");
    expect(f?.subMeasure).toBe(
      "9.1.3 Programy aktywnej integracji osób i grup zagrożonych wykluczeniem społecznym – OSI",
    );
    expect(f?.priorityAxis).toBeNull();
  });

  it("reads a card's funding list split over lines (Ruda Śląska)", () => {
    const i = ruda.findIndex((l) =>
      l.includes("środki pozyskane z Europejskiego Funduszu Społecznego oraz"),
    );
    const f = euFundingFromText(ruda.slice(i, i + 3).join("\n"));
    expect(f?.programme).toBe(
      "Regionalny Program Operacyjny Województwa Śląskiego na lata 2014–2020",
    );
    expect(f?.priorityAxis).toBe("IX Włączenie Społeczne");
    expect(f?.measure).toBe("9.2 Dostępne i efektywne usługi społeczne i zdrowotne");
    expect(f?.subMeasure).toMatch(/^9\.2\.1 Rozwój usług społecznych i zdrowotnych – ZIT/u);
  });

  it("tells the funds apart and finds programmes of other periods", () => {
    expect(
      euFundingFromText(lineWith(ruda, "Pomoc Żywnościowa 2014 - 2020 współfinansowanego")),
    ).toMatchObject({
      programme: "Program Operacyjny Pomoc Żywnościowa 2014–2020",
      fund: "fead",
    });
    expect(
      euFundingFromText(
        "Projekt realizowany w ramach programu Fundusze Europejskie dla Śląskiego 2021-2027, współfinansowany ze środków Europejskiego Funduszu Społecznego Plus.",
      ),
    ).toMatchObject({
      programme: "Fundusze Europejskie dla Śląskiego 2021–2027",
      fund: "efs_plus",
    });
    expect(euFundingFromText("Ze środków Europejskiego Funduszu Rozwoju Regionalnego.")?.fund).toBe(
      "efrr",
    );
  });

  it("finds nothing in prose without an EU programme or fund", () => {
    expect(
      euFundingFromText("Zadanie finansowane ze środków własnych gminy i budżetu państwa."),
    ).toBeNull();
    expect(euFundingFromText("Program Operacyjny — nie dotyczy")).toBeNull();
    expect(euFundingFromText(null)).toBeNull();
  });
});

describe("co-financing statement", () => {
  it("2014–2020: the Union and the fund", () => {
    const f = euFundingFromText(
      lineWith(
        bytom,
        "jest współfinansowany ze środków Europejskiego Funduszu Społecznego, w ramach",
      ),
    );
    expect(euStatement(f)).toBe(
      "Projekt współfinansowany przez Unię Europejską ze środków Europejskiego Funduszu Społecznego w ramach programu: Regionalny Program Operacyjny Województwa Śląskiego na lata 2014–2020.",
    );
  });

  it("2021–2027: the emblem's statement first", () => {
    const f = {
      ...NO_EU_FUNDING,
      programme: "Fundusze Europejskie dla Śląskiego 2021–2027",
      fund: "efs_plus" as const,
    };
    expect(euStatement(f)).toMatch(
      /^Dofinansowane przez Unię Europejską\. Projekt współfinansowany ze środków Europejskiego Funduszu Społecznego Plus/u,
    );
    expect(euStatement({ ...NO_EU_FUNDING, fund: "efs" }, 2023)).toMatch(/^Dofinansowane/u);
    expect(euStatement(NO_EU_FUNDING)).toBeNull();
  });

  it("structured fields win over prose; else the richest prose", () => {
    const fields = { ...NO_EU_FUNDING, programme: "Program X 2014–2020" };
    const thin = { ...NO_EU_FUNDING, fund: "efs" as const };
    const rich = { ...thin, programme: "Program Y 2014–2020", measure: "9.1 A" };
    expect(effectiveEuFunding(fields, [rich])).toEqual({ funding: fields, source: "fields" });
    expect(effectiveEuFunding(NO_EU_FUNDING, [thin, rich, null])).toEqual({
      funding: rich,
      source: "text",
    });
    expect(effectiveEuFunding(null, [null])).toBeNull();
  });

  it("a published project: its recorded EU data, or for older snapshots its card and budget", () => {
    const recorded = { funding: NO_EU_FUNDING, source: "fields" as const, statement: "S" };
    const base = { sinceYear: 2018, card: null, budgets: [] };
    expect(euOfPublishedProject({ ...base, eu: recorded })).toBe(recorded);
    expect(euOfPublishedProject({ ...base, eu: null, card: { funding: "EFS" } })).toBeNull();
    const old = euOfPublishedProject({
      ...base,
      card: { funding: "środki własne gminy" },
      budgets: [{ parts: [{ label: "Europejski Fundusz Społeczny" }, { label: "budżet gminy" }] }],
    });
    expect(old?.funding.fund).toBe("efs");
    expect(old?.source).toBe("text");
    expect(old?.statement).toMatch(/^Projekt współfinansowany przez Unię Europejską ze środków/u);
    expect(euOfPublishedProject({ ...base, card: { funding: "budżet gminy" } })).toBeNull();
  });
});
