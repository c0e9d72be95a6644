import { describe, expect, it } from "vitest";
import { institutionAtEnd, splitContributions } from "../../../app/report-reader/contributions.ts";

const pairs = (text: string) =>
  splitContributions(text).contributions.map((c) => [c.institution, c.value]);

describe("splitContributions — the 'Uwagi' column", () => {
  it("splits institution – value pairs written with any dash and spacing", () => {
    expect(pairs("MOPS -1718 UTW - 9")).toEqual([
      ["MOPS", 1718],
      ["UTW", 9],
    ]);
    expect(pairs("ARL -1 MOPS – 1 CIS -1 PCPR -1")).toEqual([
      ["ARL", 1],
      ["MOPS", 1],
      ["CIS", 1],
      ["PCPR", 1],
    ]);
    expect(pairs("PUP - 725 Fundacja Pomocna Dłoń/CIS - 135")).toEqual([
      ["PUP", 725],
      ["Fundacja Pomocna Dłoń/CIS", 135],
    ]);
    expect(pairs("ARL- 2 Punkt konsultacyjny dla osób")).toEqual([["ARL", 2]]);
  });

  it("keeps multi-word and quoted institution names whole", () => {
    expect(pairs("UM WEiSS – 227 Zespół Kuratorski – 0 Prokuratura - 0")).toEqual([
      ["UM WEiSS", 227],
      ["Zespół Kuratorski", 0],
      ["Prokuratura", 0],
    ]);
    expect(pairs("ŚDS „Przystań” – 68 ZOZ – 95 MOPS - 458")).toEqual([
      ["ŚDS „Przystań”", 68],
      ["ZOZ", 95],
      ["MOPS", 458],
    ]);
    expect(pairs("ESKULAP - 53 Sąd Rejonowy - 47 leczenie niestacjonarne")).toEqual([
      ["ESKULAP", 53],
      ["Sąd Rejonowy", 47],
    ]);
  });

  it("skips notes, project names, years and ranges between the pairs", () => {
    expect(
      pairs(
        "ARL – 1 „Akademia Świadomych Rodziców” realizowana w projekcie „Dzieciaki na 5+” MOPS –3 Gminny Program Wspierania Rodziny2019-2021; Szkoła Rodzin; PCPR -1 Powiatowa Strategia na lata 2021-2025",
      ),
    ).toEqual([
      ["ARL", 1],
      ["MOPS", 3],
      ["PCPR", 1],
    ]);
    expect(
      pairs("ARL - 8 Projekt „Dzieciaki na 5+” UM WEiSS – 1949 9 świetlic PCK - 262 8 świetlic"),
    ).toEqual([
      ["ARL", 8],
      ["UM WEiSS", 1949],
      ["PCK", 262],
    ]);
    expect(pairs("KPP – 1000 osób Zespół Kuratorski – 0")).toEqual([
      ["KPP", 1000],
      ["Zespół Kuratorski", 0],
    ]);
  });

  it("marks 'ok.' values as approximate", () => {
    const { contributions } = splitContributions("KPP – ok. 600 Zespół Kuratorski – 0");
    expect(contributions[0]).toEqual({
      institution: "KPP",
      value: 600,
      approximate: true,
      ofWhich: [],
    });
    expect(contributions[1]?.approximate).toBe(false);
  });

  it("reads 'w tym' as a breakdown of the value before it, closed when its items add up", () => {
    const { contributions } = splitContributions(
      "ARL - 20 Staże PUP – 725 MOPS – 23, w tym: OSL – 16, pozostałe – 7 WSBiP 100 praktyk",
    );
    expect(contributions.map((c) => [c.institution, c.value])).toEqual([
      ["ARL", 20],
      ["PUP", 725],
      ["MOPS", 23],
      ["WSBiP", 100],
    ]);
    expect(contributions[2]?.ofWhich).toEqual([
      { label: "OSL", value: 16 },
      { label: "pozostałe", value: 7 },
    ]);
  });

  it("reads 'w tym' items written number-first, label-first and in parentheses", () => {
    const numberFirst = splitContributions(
      "PCPR - 772 w tym: - 590 dorosłych niepełnosprawnych, - 24 dzieci i młodzieży niepełnosprawnej, - 136 opiekunów dorosłych, - 22 opiekunów dzieci.",
    ).contributions[0];
    expect(numberFirst?.ofWhich).toEqual([
      { label: "dorosłych niepełnosprawnych", value: 590 },
      { label: "dzieci i młodzieży niepełnosprawnej", value: 24 },
      { label: "opiekunów dorosłych", value: 136 },
      { label: "opiekunów dzieci", value: 22 },
    ]);
    const labelFirst = splitContributions(
      "MOPS – 263, w tym - psycholog 219 osób, - specjalista profilaktyki uzależnień - 44",
    ).contributions[0];
    expect(labelFirst?.ofWhich).toEqual([
      { label: "psycholog", value: 219 },
      { label: "specjalista profilaktyki uzależnień", value: 44 },
    ]);
    const parenthesised = splitContributions(
      "PCPR – 11, w tym: – organizacje w konkursie (3), – organizacje z dofinansowaniem PFRON (8)",
    ).contributions[0];
    expect(parenthesised?.ofWhich.map((o) => o.value)).toEqual([3, 8]);
  });

  it("ends an unbalanced 'w tym' at the next institution and says so", () => {
    const result = splitContributions(
      "ZI – 6, w tym: tydzień pomocy Osobom Pokrzywdzonym Przestępstwem, „Biała Wstążka”. UTW- 2",
    );
    expect(result.contributions.map((c) => [c.institution, c.value])).toEqual([
      ["ZI", 6],
      ["UTW", 2],
    ]);
    expect(result.uncertain.length).toBeGreaterThan(0);
  });

  it("returns the numbers of the four real mismatches as written (validation is elsewhere)", () => {
    expect(pairs("UM WEiSS – 227 Zespół Kuratorski – 0 Prokuratura - 0").map((p) => p[1])).toEqual([
      227, 0, 0,
    ]);
    const rehab = splitContributions(
      "WTZ „Szansa” - 72 PCPR - 772 w tym: - 590 dorosłych, - 24 dzieci, - 136 opiekunów dorosłych, - 22 opiekunów dzieci.",
    ).contributions;
    expect(rehab.map((c) => c.value)).toEqual([72, 772]);
    expect(rehab[1]?.ofWhich.map((o) => o.value)).toEqual([590, 24, 136, 22]);
    expect(
      pairs("ZI – 6, w tym: tydzień pomocy, „Biała Wstążka”. UTW- 2").map((p) => p[1]),
    ).toEqual([6, 2]);
    expect(
      pairs(
        "UM WEiSS – 10 PCPR – 3 MOPS - 4 w tym: - Fundacja Pomocna Dłoń - Fundacja Skrzydła Opieki",
      ).map((p) => p[1]),
    ).toEqual([10, 3, 4]);
  });

  it("flags remarks with numbers it cannot attribute, and accepts empty remarks", () => {
    expect(splitContributions("")).toEqual({ contributions: [], uncertain: [] });
    expect(splitContributions(null)).toEqual({ contributions: [], uncertain: [] });
    expect(splitContributions("wydano 12 ulotek").uncertain).toHaveLength(1);
  });

  it("takes the institution name from the end of the text before the dash", () => {
    expect(institutionAtEnd("udział w spotkaniach Zespołu Interdyscyplinarnego MOPS")).toBe("MOPS");
    expect(institutionAtEnd("we współpracy z PCK Fundacja Pomocna Dłoń/CIS")).toBe(
      "Fundacja Pomocna Dłoń/CIS",
    );
    expect(institutionAtEnd("68 Poradnia Psychologiczno-Pedagogiczna")).toBe(
      "Poradnia Psychologiczno-Pedagogiczna",
    );
    expect(institutionAtEnd("praktyk")).toBe("");
  });

  it("keeps a run of one kind of word, a quoted name only after a name, and no punctuation", () => {
    expect(institutionAtEnd("MOPS Zespół Kuratorski")).toBe("Zespół Kuratorski");
    expect(institutionAtEnd("Zespół Kuratorski MOPS")).toBe("MOPS");
    expect(institutionAtEnd("PCK/PKPS MOPS")).toBe("PCK/PKPS MOPS");
    expect(institutionAtEnd("z PKO-BP")).toBe("PKO-BP");
    expect(institutionAtEnd("UMiG")).toBe("UMiG");
    expect(institutionAtEnd("Stowarzyszenie „Nadzieja”")).toBe("Stowarzyszenie „Nadzieja”");
    expect(institutionAtEnd("Fundacja Pomocna Dłoń/CIS „Razem”")).toBe(
      "Fundacja Pomocna Dłoń/CIS „Razem”",
    );
    // A quoted title after prose, a quoted word in lower case, a lone quote: no institution.
    expect(institutionAtEnd("w ramach projektu „Aktywni Razem”")).toBe("");
    expect(institutionAtEnd("przy „Przystań”")).toBe("");
    expect(institutionAtEnd("WTZ „szansa”")).toBe("");
    expect(institutionAtEnd("„Szansa”")).toBe("");
    expect(institutionAtEnd("ŚDS „Przystań” i")).toBe("");
    // Words with punctuation, single letters and names starting in lower case are not names.
    expect(institutionAtEnd("spotkania (MOPS)")).toBe("");
    expect(institutionAtEnd("współpraca z MOPS,")).toBe("");
    expect(institutionAtEnd("zajęcia w grupie A")).toBe("");
    expect(institutionAtEnd("system eMOPS")).toBe("");
    expect(institutionAtEnd("")).toBe("");
    expect(institutionAtEnd("razem z PCK/PKPS,")).toBe("");
    expect(institutionAtEnd("wnioski przez eUrząd")).toBe("");
  });

  it("takes a quoted name of several words whole, and only when the quote ends the text", () => {
    expect(institutionAtEnd("Stowarzyszenie „Dobra Wola”")).toBe("Stowarzyszenie „Dobra Wola”");
    expect(institutionAtEnd("ŚDS „Przystań” MOPS")).toBe("MOPS");
    expect(institutionAtEnd("ŚDS „Przystań”,")).toBe("");
    expect(institutionAtEnd("WTZ Szansa”")).toBe("");
  });
});

describe("splitContributions — numbers that are not values", () => {
  const none = {
    contributions: [],
    uncertain: ["Nie rozpoznano podziału wartości na instytucje w uwagach."],
  };

  it("skips ranges of years, dates, years with 'r.', percentages and numbers glued to words", () => {
    expect(splitContributions("Program na lata 2021 - 2025 PCPR – 5")).toEqual({
      contributions: [{ institution: "PCPR", value: 5, approximate: false, ofWhich: [] }],
      uncertain: [],
    });
    expect(splitContributions("Program na lata 2021 -2026 MOPS – 40")).toEqual({
      contributions: [{ institution: "MOPS", value: 40, approximate: false, ofWhich: [] }],
      uncertain: [],
    });
    expect(
      splitContributions("ZI – 1.01.2021 powołanie zespołu, MOPS – 12 (stan na 31.12.2021)"),
    ).toEqual({
      contributions: [{ institution: "MOPS", value: 12, approximate: false, ofWhich: [] }],
      uncertain: [],
    });
    for (const text of [
      "MOPS – 2019-2021 Gminny Program",
      "PCPR – 2021 r. brak danych",
      "PCPR – 12/2021",
      "UTW – 80 % uczestników",
      "PCPR – 10%",
      "MOPS – 5 +",
      "PUP – 725osób",
    ]) {
      expect(splitContributions(text), text).toEqual(none);
    }
    expect(splitContributions("GOPS – 2021 - 2026 Gminny Program")).toEqual(none);
    // A number too large to be a count (an account number typed in by mistake).
    expect(splitContributions("MOPS – 12345678901234567890123456")).toEqual(none);
    // A year later in the text does not hide the value before it.
    expect(pairs("KPP – 1200 porad w 2021 r.")).toEqual([["KPP", 1200]]);
    // "rok" after a small number is a count of years, not a year.
    expect(pairs("ARL – 2 rok realizacji")).toEqual([["ARL", 2]]);
  });

  it("skips digits glued to a name inside a 'w tym' breakdown", () => {
    expect(splitContributions("MOPS – 10, w tym: grupa A1: 4, grupa B2: 6")).toEqual({
      contributions: [
        {
          institution: "MOPS",
          value: 10,
          approximate: false,
          ofWhich: [
            { label: "grupa A1", value: 4 },
            { label: "grupa B2", value: 6 },
          ],
        },
      ],
      uncertain: [],
    });
  });

  it("reads thousands in groups of three, decimals and every way of writing 'about'", () => {
    expect(pairs("UM WEiSS – 1 294 143 zł, MOPS – 12 500")).toEqual([
      ["UM WEiSS", 1294143],
      ["MOPS", 12500],
    ]);
    expect(pairs("MOPS – 12,75")).toEqual([["MOPS", 12.75]]);
    for (const text of [
      "KPP – ca 600",
      "KPP – ca. 600",
      "KPP – ok.600",
      "KPP – około 600",
      "KPP – ~600",
    ]) {
      expect(splitContributions(text).contributions, text).toEqual([
        { institution: "KPP", value: 600, approximate: true, ofWhich: [] },
      ]);
    }
  });
});

describe("splitContributions — what it is not sure of", () => {
  it("names the number whose institution it cannot find, and remarks it cannot split", () => {
    expect(splitContributions("udział – 5")).toEqual({
      contributions: [],
      uncertain: [
        "Nie rozpoznano instytucji przy liczbie 5 w uwagach.",
        "Nie rozpoznano podziału wartości na instytucje w uwagach.",
      ],
    });
    expect(splitContributions("– 5").uncertain).toEqual([
      "Nie rozpoznano podziału wartości na instytucje w uwagach.",
    ]);
    expect(splitContributions("wydano 12 ulotek").uncertain).toEqual([
      "Nie rozpoznano podziału wartości na instytucje w uwagach.",
    ]);
    expect(splitContributions("bez udziału partnerów").uncertain).toEqual([]);
  });

  it("reads an acronym right before a number without a dash, and asks to check it", () => {
    expect(splitContributions("WSBiP 100 praktyk")).toEqual({
      contributions: [{ institution: "WSBiP", value: 100, approximate: false, ofWhich: [] }],
      uncertain: [
        "Udział „WSBiP 100” odczytano bez myślnika między instytucją a liczbą — sprawdź.",
      ],
    });
    expect(pairs("PCK/PKPS 40 paczek")).toEqual([["PCK/PKPS", 40]]);
    expect(pairs("praktyki studenckie WSBiP 100")).toEqual([["WSBiP", 100]]);
    expect(splitContributions("praktyki 100 osób")).toEqual({
      contributions: [],
      uncertain: ["Nie rozpoznano podziału wartości na instytucje w uwagach."],
    });
  });

  it("an unbalanced 'w tym' keeps its items up to the next institution, which is read on", () => {
    expect(splitContributions("MOPS – 30, w tym: psycholog – 16, pedagog – 7 PCPR – 5")).toEqual({
      contributions: [
        {
          institution: "MOPS",
          value: 30,
          approximate: false,
          ofWhich: [
            { label: "psycholog", value: 16 },
            { label: "pedagog", value: 7 },
          ],
        },
        { institution: "PCPR", value: 5, approximate: false, ofWhich: [] },
      ],
      uncertain: ["Wyliczenie „w tym” przy MOPS nie sumuje się do 30 — sprawdź, gdzie się kończy."],
    });
    expect(
      splitContributions(
        "ZI – 6, w tym: tydzień pomocy Osobom Pokrzywdzonym Przestępstwem, „Biała Wstążka”. UTW- 2",
      ).uncertain,
    ).toEqual(["Wyliczenie „w tym” przy ZI nie zawiera liczb — sprawdź."]);
    // Without a next institution the unbalanced items are kept, and nothing after is re-read.
    expect(splitContributions("MOPS – 30, w tym: psycholog – 16, pedagog – 7")).toEqual({
      contributions: [
        {
          institution: "MOPS",
          value: 30,
          approximate: false,
          ofWhich: [
            { label: "psycholog", value: 16 },
            { label: "pedagog", value: 7 },
          ],
        },
      ],
      uncertain: ["Wyliczenie „w tym” przy MOPS nie sumuje się do 30 — sprawdź, gdzie się kończy."],
    });
    // The next institution is a name with a dash: an acronym or capitalised words, not a label
    // that merely contains acronyms, and not an acronym without a dash.
    const resumed = (text: string) =>
      splitContributions(text).contributions.map((c) => [
        c.institution,
        c.value,
        c.ofWhich.map((o) => o.label),
      ]);
    expect(resumed("MOPS – 30, w tym: psycholog – 16, pedagog – 7 Zespół Kuratorski – 5")).toEqual([
      ["MOPS", 30, ["psycholog", "pedagog"]],
      ["Zespół Kuratorski", 5, []],
    ]);
    expect(resumed("MOPS – 30, w tym: porady w PIK i OIK – 16, pedagog – 7 PCPR – 5")).toEqual([
      ["MOPS", 30, ["porady w PIK i OIK", "pedagog"]],
      ["PCPR", 5, []],
    ]);
    expect(resumed("MOPS – 30, w tym: OSL 16, pozostałe – 7 PCPR – 5")).toEqual([
      ["MOPS", 30, ["OSL", "pozostałe"]],
      ["PCPR", 5, []],
    ]);
    // A parenthesis never closed: the item ends at its number.
    expect(splitContributions("PCPR – 11, w tym: – organizacje w konkursie (3")).toEqual({
      contributions: [
        {
          institution: "PCPR",
          value: 11,
          approximate: false,
          ofWhich: [{ label: "organizacje w konkursie", value: 3 }],
        },
      ],
      uncertain: ["Wyliczenie „w tym” przy PCPR nie sumuje się do 11 — sprawdź, gdzie się kończy."],
    });
  });
});

describe("splitContributions — 'w tym' items", () => {
  const breakdown = (text: string) =>
    splitContributions(text).contributions.map((c) => [c.institution, c.value, c.ofWhich]);

  it("reads a breakdown glued to the comma or to the colon", () => {
    expect(breakdown("MOPS – 23,w tym: OSL – 16, pozostałe – 7")).toEqual([
      [
        "MOPS",
        23,
        [
          { label: "OSL", value: 16 },
          { label: "pozostałe", value: 7 },
        ],
      ],
    ]);
    expect(breakdown("MOPS – 23, w tym:16 OSL, – 7 pozostałe")).toEqual([
      [
        "MOPS",
        23,
        [
          { label: "OSL", value: 16 },
          { label: "pozostałe", value: 7 },
        ],
      ],
    ]);
  });

  it("reads label-first items however the bullets and separators are spaced", () => {
    const psycholog = [
      { label: "psycholog", value: 219 },
      { label: "specjalista", value: 44 },
    ];
    for (const text of [
      "MOPS – 263, w tym - psycholog 219 osób,- specjalista - 44",
      "MOPS – 263, w tym - psycholog 219 osób, -specjalista - 44",
      "MOPS – 263, w tym: psycholog 219;specjalista 44",
      "MOPS – 263, w tym -psycholog 219, - specjalista 44",
      "MOPS – 263 , w tym: psycholog – 219, specjalista – 44",
    ]) {
      expect(breakdown(text), text).toEqual([["MOPS", 263, psycholog]]);
    }
    expect(
      breakdown("PCPR – 30, w tym: - Poradnia Psychologiczno-Pedagogiczna 18, - pozostali 12"),
    ).toEqual([
      [
        "PCPR",
        30,
        [
          { label: "Poradnia Psychologiczno-Pedagogiczna", value: 18 },
          { label: "pozostali", value: 12 },
        ],
      ],
    ]);
  });

  it("ends number-first labels at a bullet, a semicolon or a dash before the next number", () => {
    expect(breakdown("MOPS – 20 w tym: 12 dorosłych; 8 dzieci")).toEqual([
      [
        "MOPS",
        20,
        [
          { label: "dorosłych", value: 12 },
          { label: "dzieci", value: 8 },
        ],
      ],
    ]);
    expect(
      breakdown("ARL – 40, w tym: – 31 wniosków rozpatrzono pozytywnie – 9 negatywnie"),
    ).toEqual([
      [
        "ARL",
        40,
        [
          { label: "wniosków rozpatrzono pozytywnie", value: 31 },
          { label: "negatywnie", value: 9 },
        ],
      ],
    ]);
    expect(breakdown("PCPR – 614 w tym: - 590 dorosłych,- 24 dzieci")).toEqual([
      [
        "PCPR",
        614,
        [
          { label: "dorosłych", value: 590 },
          { label: "dzieci", value: 24 },
        ],
      ],
    ]);
    // A comma or a dash inside the label does not end it; only a bullet or a next number does.
    expect(breakdown("MOPS – 20, w tym: - 12 dorosłych, głównie kobiet, - 8 dzieci")).toEqual([
      [
        "MOPS",
        20,
        [
          { label: "dorosłych, głównie kobiet", value: 12 },
          { label: "dzieci", value: 8 },
        ],
      ],
    ]);
    expect(
      breakdown("MOPS – 20, w tym: - 12 osób – mieszkańcy gminy, - 8 osób – spoza gminy"),
    ).toEqual([
      [
        "MOPS",
        20,
        [
          { label: "osób – mieszkańcy gminy", value: 12 },
          { label: "osób – spoza gminy", value: 8 },
        ],
      ],
    ]);
    expect(
      breakdown("ARL – 40, w tym: – 31 wniosków rozpatrzono pozytywnie –9 negatywnie"),
    ).toEqual([
      [
        "ARL",
        40,
        [
          { label: "wniosków rozpatrzono pozytywnie", value: 31 },
          { label: "negatywnie", value: 9 },
        ],
      ],
    ]);
    expect(breakdown("MOPS – 20, w tym: - 12 dorosłych (w 2021 r.), - 8 dzieci")).toEqual([
      [
        "MOPS",
        20,
        [
          { label: "dorosłych (w 2021 r.)", value: 12 },
          { label: "dzieci", value: 8 },
        ],
      ],
    ]);
  });

  it("reads label-first items up to the sum, and goes on with the next institution", () => {
    expect(breakdown("MOPS – 10, w tym: OSL – 4 UTW – 6")).toEqual([
      [
        "MOPS",
        10,
        [
          { label: "OSL", value: 4 },
          { label: "UTW", value: 6 },
        ],
      ],
    ]);
    expect(
      breakdown(
        "PCPR – 11, w tym: – organizacje w konkursie (3 ), – organizacje z dofinansowaniem PFRON (8) MOPS – 2",
      ),
    ).toEqual([
      [
        "PCPR",
        11,
        [
          { label: "organizacje w konkursie", value: 3 },
          { label: "organizacje z dofinansowaniem PFRON", value: 8 },
        ],
      ],
      ["MOPS", 2, []],
    ]);
    // Numbers inside an item's parenthesis belong to that item.
    expect(
      breakdown(
        "PCPR – 11, w tym: – organizacje w konkursie (3 z 5 ofert), – organizacje z dofinansowaniem PFRON (8)",
      ),
    ).toEqual([
      [
        "PCPR",
        11,
        [
          { label: "organizacje w konkursie", value: 3 },
          { label: "organizacje z dofinansowaniem PFRON", value: 8 },
        ],
      ],
    ]);
    expect(pairs("MOPS – 5 (dane szacunkowe) UTW – 3")).toEqual([
      ["MOPS", 5],
      ["UTW", 3],
    ]);
  });

  it("treats HTML line breaks and paragraphs as new lines", () => {
    expect(pairs("725 osób – PUP<br>135 osób – Fundacja Pomocna Dłoń/CIS")).toEqual([
      ["PUP", 725],
      ["Fundacja Pomocna Dłoń/CIS", 135],
    ]);
    const items = [
      { label: "dorosłych", value: 12 },
      { label: "dzieci", value: 8 },
    ];
    for (const text of [
      "MOPS – 20, w tym: 12 dorosłych<br />8 dzieci",
      "MOPS – 20, w tym: 12 dorosłych<BR>8 dzieci",
      "<p>MOPS – 20, w tym: 12 dorosłych</p><p>8 dzieci</p>",
      "<ul><li>MOPS – 20, w tym: 12 dorosłych</li><li>8 dzieci</li></ul>",
      // A manual line break in a Word cell.
      "MOPS – 20, w tym: 12 dorosłych\v8 dzieci",
    ]) {
      expect(breakdown(text), text).toEqual([["MOPS", 20, items]]);
    }
    expect(pairs("MOPS – 5<p>UTW – 3</p>")).toEqual([
      ["MOPS", 5],
      ["UTW", 3],
    ]);
  });
});
