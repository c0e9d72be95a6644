// Documents a report names with their adopting act (issue 14 item 7): seed 003's nine programs,
// and the same in other municipalities' wording — a bulleted list, "przyjęty uchwałą", an
// order of the centre's director, one year — never a passing mention or the report's own title.
import { describe, expect, it } from "vitest";
import { findNamedDocuments } from "../../../app/report-reader/named-documents.ts";
import { SEED_003, readSeed } from "./seeds.ts";

describe("documents named in a report", () => {
  it("finds seed 003's nine programs with their periods and resolutions", () => {
    const own =
      "Strategia Rozwiązywania Problemów Społecznych w Gminie Ostrowiec Świętokrzyski na lata 2014-2021";
    const text = readSeed(SEED_003);
    const found = findNamedDocuments(text, own);
    expect(found).toHaveLength(9);
    // The line that names it, 1-based, for the review page's source passage.
    const line = found[0]!.source!.line;
    expect(text.split("\n")[line - 1]).toMatch(/^1\. Gminny Program Wspierania Rodziny/u);
    expect(found[0]).toMatchObject({
      title: "Gminny Program Wspierania Rodziny w Gminie Ostrowiec Świętokrzyski na lata 2019-2021",
      kind: "family_support",
      period: { start: 2019, end: 2021 },
      resolution: {
        number: "XXI/112/2019",
        date: "2019-10-28",
        body: "Rada Miasta Ostrowca Świętokrzyskiego",
      },
    });
    // An order of the centre's director, not a council resolution.
    expect(found[1]!.resolution).toEqual({
      number: "135/2020",
      date: "2020-12-28",
      body: "Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Ostrowcu Świętokrzyskim",
    });
    // "na 2021 rok": one year.
    expect(found[4]!.period).toEqual({ start: 2021, end: 2021 });
    expect(found[4]!.kind).toBe("alcohol");
    // The closing parenthesis lost in the conversion to text: the act is still read.
    expect(found[6]!.kind).toBe("ngo_cooperation");
    expect(found[6]!.resolution?.number).toBe("XXII/135/2019");
    expect(found.map((d) => d.kind)).toEqual([
      "family_support",
      "other",
      "other",
      "violence_prevention",
      "alcohol",
      "alcohol",
      "ngo_cooperation",
      "other",
      "other",
    ]);
  });

  it("reads other wordings and leaves out mentions without an act", () => {
    const text = [
      "Sprawozdanie z realizacji Strategii Rozwiązywania Problemów Społecznych Gminy Kłodzko na lata 2016-2025",
      "Strategię realizują następujące programy:",
      "• Program Przeciwdziałania Przemocy Domowej dla Gminy Kłodzko na lata 2022–2026, przyjęty uchwałą nr XLV/312/2021 Rady Gminy Kłodzko z dnia 16 grudnia 2021 r.;",
      "– „Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych na rok 2022” (uchwała Nr XLVI/320/2022 Rady Gminy Kłodzko z dnia 27.01.2022 r.)",
      "a) Powiatowy Program Działań na Rzecz Osób Niepełnosprawnych w latach 2021-2027 (Uchwała nr 12/2021 Rady Powiatu Kłodzkiego z dnia 3 marca 2021 r.)",
      "W 2022 r. realizowano Program Wspierania Rodziny na lata 2021-2023 (uchwała XX/1/2021) w zakresie asysty rodzinnej.",
      "Gminny Program Wspierania Rodziny na lata 2021-2023 był realizowany przez MOPS.",
      "Program „Senior+” (edycja 2022) finansowany ze środków rządowych.",
    ].join("\n");
    const found = findNamedDocuments(
      text,
      "Strategia Rozwiązywania Problemów Społecznych Gminy Kłodzko na lata 2016-2025",
    );
    expect(found.map((d) => [d.title, d.kind, d.period, d.resolution?.number])).toEqual([
      [
        "Program Przeciwdziałania Przemocy Domowej dla Gminy Kłodzko na lata 2022–2026",
        "violence_prevention",
        { start: 2022, end: 2026 },
        "XLV/312/2021",
      ],
      [
        "Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych na rok 2022",
        "alcohol",
        { start: 2022, end: 2022 },
        "XLVI/320/2022",
      ],
      [
        "Powiatowy Program Działań na Rzecz Osób Niepełnosprawnych w latach 2021-2027",
        "disability",
        { start: 2021, end: 2027 },
        "12/2021",
      ],
    ]);
    expect(found[1]!.resolution?.date).toBe("2022-01-27");
    expect(found[0]!.resolution?.body).toBe("Rada Gminy Kłodzko");
  });

  it("finds nothing in reports that name no documents with acts", () => {
    for (const text of [
      "Strategia jest funkcjonalnie powiązana z innymi dokumentami.",
      "Program współpracy określa obszary, zasady oraz formy współpracy (zob. rozdział 2).",
      "1. Program Aktywności Lokalnej — 12 uczestników.",
    ]) {
      expect(findNamedDocuments(text), text).toEqual([]);
    }
  });
});
