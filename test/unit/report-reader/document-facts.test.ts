// Document facts from title blocks as other municipalities write them: the municipality in the
// nominative with its TERYT code (declined forms matched), the kind and program, the year, the
// period and the adopting resolution.
import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import { findResolution } from "../../../app/report-reader/document-facts.ts";
import {
  isCaseForm,
  matchMunicipalityName,
  municipalityByTeryt,
} from "../../../app/report-reader/municipalities.ts";

const facts = (text: string) => parseReportText(text).document;

describe("document facts", () => {
  it("reads a welfare-centre activity report whose title starts with a lone word", () => {
    expect(
      facts(
        "SPRAWOZDANIE\n\nz działalności Miejskiego Ośrodka Pomocy Społecznej w Sosnowcu\nw roku 2015\n\nOśrodek realizował zadania w oparciu o art. 110 ust. 9 ustawy.",
      ),
    ).toMatchObject({
      kind: "activity_report",
      title:
        "SPRAWOZDANIE z działalności Miejskiego Ośrodka Pomocy Społecznej w Sosnowcu w roku 2015",
      municipality: "Sosnowiec",
      teryt: "2475011",
      year: 2015,
    });
  });

  it("reads an NGO cooperation program report of 'Miasta Sosnowca'", () => {
    expect(
      facts(
        "Sprawozdanie z realizacji Programu współpracy Miasta Sosnowca z organizacjami pozarządowymi za 2019 rok\n\nProgram przyjęto uchwałą nr XII/245/2018 Rady Miejskiej w Sosnowcu z dnia 29 listopada 2018 r.",
      ),
    ).toMatchObject({
      kind: "program_report",
      program: "ngo_cooperation",
      municipality: "Sosnowiec",
      teryt: "2475011",
      year: 2019,
      resolution: { number: "XII/245/2018", date: "2018-11-29", body: "Rada Miejska w Sosnowcu" },
    });
  });

  it("tells the rural gmina from the town of the same name, and reads the period", () => {
    expect(
      facts(
        "Raport z realizacji Gminnego Programu Wspierania Rodziny w Gminie Kłodzko na lata 2019-2021 za rok 2020",
      ),
    ).toMatchObject({
      kind: "program_report",
      program: "family_support",
      municipality: "Kłodzko",
      teryt: "0208072",
      period: { start: 2019, end: 2021 },
      year: 2020,
    });
  });

  it("reads 'w 2019 roku', a locative two-word name and the alcohol program", () => {
    expect(
      facts(
        "Informacja z realizacji Miejskiego Programu Profilaktyki i Rozwiązywania Problemów Alkoholowych w Rudzie Śląskiej w 2019 roku",
      ),
    ).toMatchObject({
      program: "alcohol",
      municipality: "Ruda Śląska",
      teryt: "2472011",
      year: 2019,
    });
  });

  it("reads a strategy adopted by a resolution written in words", () => {
    expect(
      findResolution(
        "Strategia przyjęta Uchwałą Nr XXXIV/412/2013 Rady Miasta Ostrowca Świętokrzyskiego z dnia 28 października 2013 roku",
      ),
    ).toEqual({
      number: "XXXIV/412/2013",
      date: "2013-10-28",
      body: "Rada Miasta Ostrowca Świętokrzyskiego",
    });
  });
});

describe("the TERC register and declined names", () => {
  it("ships the whole register", () => {
    expect(municipalityByTeryt("1465011")?.name).toBe("Warszawa");
    expect(municipalityByTeryt("2607011")?.name).toBe("Ostrowiec Świętokrzyski");
  });

  it("matches case forms by stem and ending, not any shared start", () => {
    expect(isCaseForm("Sosnowiec", "Sosnowca")).toBe(true);
    expect(isCaseForm("Kraków", "Krakowa")).toBe(true);
    expect(isCaseForm("Bytom", "Bytomiu")).toBe(true);
    expect(isCaseForm("Zielona", "Zielonej")).toBe(true);
    expect(isCaseForm("Góra", "Górze")).toBe(true);
    expect(isCaseForm("Ruda", "Rudnik")).toBe(false);
    expect(isCaseForm("Bytom", "Bydgoszcz")).toBe(false);
    expect(matchMunicipalityName("Ostrowca Świętokrzyskiego")[0]?.teryt).toBe("2607011");
    expect(matchMunicipalityName("Zielonej Górze")[0]?.name).toBe("Zielona Góra");
    expect(matchMunicipalityName("Polsce")).toEqual([]);
  });
});
