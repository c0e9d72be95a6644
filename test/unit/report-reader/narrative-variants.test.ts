// Documents that are not seeds: the same two structures laid out by another municipality, with
// other numbering, labels, order and units. The parser must hold without any seed's words.
import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";

const romanProgram = `Informacja z realizacji Gminnego Programu Profilaktyki na rok 2023

I. WSPIERANIE RODZIN W KRYZYSIE

1) Poradnictwo rodzinne

W 2023 r. z poradnictwa skorzystało łącznie 214 osób, w tym 120 kobiet.
Porady odbywały się w punktach:
- Centrum – 80 porad,
- Zalesie – 55 porad,
- Górki – 12 porad.

2) Kluby dla seniorów

Prowadzono 4 kluby; do klubów uczęszczało ok. 90 seniorów (K- 50, M- 40).

II. AKTYWIZACJA MŁODZIEŻY

1) Świetlice środowiskowe

Liczba uczestników zajęć: 1 250
Koszt prowadzenia świetlic wyniósł 1 588 268,16 zł, a frekwencja sięgnęła 85 %.

Ustawa z dnia 29 lipca 2005 r. (art. 10 ust. 2) nakłada obowiązek sprawozdawczy do 31 marca.
`;

const decimalProgram = `RAPORT Z WYKONANIA PROGRAMU WSPIERANIA RODZINY ZA ROK 2022

Cel 1 Wzmacnianie rodzin
wychowujących dzieci

1.1 Asysta rodzinna – praca asystentów z rodzinami, które potrzebują wsparcia w codziennym funkcjonowaniu i wychowaniu dzieci.
Asystenci pracowali z 57 rodzinami, a 12 rodzin zakończyło współpracę.

1.2 Grupy wsparcia
Odbyło się 9 spotkań.

Cel 2 Ochrona dzieci

2.1 Interwencje
Przeprowadzono 31 interwencji.

Potrzeby na rok 2023:
1. Zatrudnienie 2 asystentów.
2. Dalsze prowadzenie grup.
`;

const projectPage = `Menu główne | Aktualności | Kontakt z nami
A A A  wysoki kontrast

Tytuł projektu: "Razem po pracę"

Okres realizacji: 2019 – 2021
Wartość projektu: 1.200.000,00 zł, w tym dofinansowanie z EFS 1.020.000,00 zł (85%).

Celem głównym projektu było zwiększenie zatrudnienia osób długotrwale bezrobotnych z terenu gminy.

W projekcie wzięło udział 140 uczestników, z czego 35 podjęło pracę.

Jakie zadania realizowano w ramach projektu:

Warsztaty kompetencji

Uczestnicy wzięli udział w zajęciach z komunikacji i autoprezentacji prowadzonych przez trenerów; zajęcia ukończyło 128 osób.

Staże zawodowe

Staże u lokalnych pracodawców trwały trzy miesiące i objęły 60 uczestników z obu edycji projektu.

Powrót do listy projektów
Centrum Usług Społecznych w Lipowie
12-345 Lipowo, ul. Polna 1
`;

describe("numbered program sections — layouts that are not seed 001", () => {
  it("reads Roman goals over '1)' directions, with figures, splits and units kept apart", () => {
    const p = parseReportText(romanProgram);
    expect(p.document.kind).toBe("program_report");
    expect(p.goals.map((g) => [g.code, g.title])).toEqual([
      ["1", "WSPIERANIE RODZIN W KRYZYSIE"],
      ["2", "AKTYWIZACJA MŁODZIEŻY"],
    ]);
    expect(p.goals.flatMap((g) => g.directions.map((d) => [d.code, d.title]))).toEqual([
      ["1.1", "Poradnictwo rodzinne"],
      ["1.2", "Kluby dla seniorów"],
      ["2.1", "Świetlice środowiskowe"],
    ]);
    const got = p.indicators.map((i) => [i.value, i.unit, i.directionCode, i.approximate]);
    expect(got).toEqual([
      [214, "osób", "1.1", false],
      [4, "kluby", "1.2", false],
      [90, "seniorów", "1.2", true],
      [1250, "uczestników", "2.1", false],
      [1588268.16, "zł", "2.1", false],
      [85, "%", "2.1", false],
    ]);
    // "w tym" and the places are parts of 214, not indicators of their own.
    expect(p.indicators[0]?.remarks).toMatch(/w tym 120 kobiet/u);
    expect(p.indicators[0]?.remarks).toMatch(/Centrum – 80 porad/u);
    expect(p.projects).toEqual([]);
  });

  it("reads 'Cel 1' headings broken across lines over undotted '1.1' directions, and ignores the needs list", () => {
    const p = parseReportText(decimalProgram);
    expect(p.document).toMatchObject({ kind: "program_report", year: 2022 });
    expect(p.goals.map((g) => [g.code, g.title])).toEqual([
      ["1", "Wzmacnianie rodzin wychowujących dzieci"],
      ["2", "Ochrona dzieci"],
    ]);
    expect(p.goals[0]?.directions.map((d) => d.title)).toEqual([
      "Asysta rodzinna",
      "Grupy wsparcia",
    ]);
    expect(p.indicators.map((i) => [i.value, i.goalCode, i.directionCode])).toEqual([
      [57, "1", "1.1"],
      [12, "1", "1.1"],
      [9, "1", "1.2"],
      [31, "2", "2.1"],
      [2, null, null],
    ]);
  });

  it("does not see program sections in a plain numbered list", () => {
    const p = parseReportText("Potrzeby:\n\n1. Dalsze wsparcie rodzin.\n2. Kontynuacja zajęć.\n");
    expect(p.goals).toEqual([]);
    expect(p.indicators).toEqual([]);
  });
});

describe("narrative project page — a page that is not seed 004", () => {
  it("reads one project with other labels, its budget parts and counts, without the site clutter", () => {
    const p = parseReportText(projectPage);
    expect(p.document.kind).toBe("project_page");
    expect(p.document.municipality).toBe("Lipowo");
    expect(p.projects).toHaveLength(1);
    const project = p.projects[0];
    expect(project).toMatchObject({ symbol: "", title: "Razem po pracę", status: "carried_out" });
    expect(project?.fields.timeframe).toBe("2019 – 2021");
    expect(project?.budget).toEqual({
      total: 1200000,
      parts: [{ source: "dofinansowanie z EFS", amount: 1020000, percent: 85 }],
    });
    expect(project?.fields.stages).toBe("Warsztaty kompetencji\nStaże zawodowe");
    expect(project?.fields.implementers).toBe("Centrum Usług Społecznych w Lipowie");
    expect(p.indicators.map((i) => [i.value, i.unit, i.projectSymbol])).toEqual([
      [140, "uczestników", ""],
      [128, "osób", ""],
      [60, "uczestników", ""],
    ]);
    expect(p.indicators[0]?.remarks).toMatch(/z czego 35/u);
  });

  it("does not take a page listing several projects for a single project page", () => {
    const two = `${projectPage}\nProjekt „Drugi projekt”\n\nOkres realizacji: 2020 – 2022\n`;
    expect(parseReportText(two).projects).toHaveLength(0);
  });
});
