// A compact demo built by the shared factories from passages of the seed reports (Ruda Śląska
// 2020 — project cards; Ostrowiec Świętokrzyski 2021 — indicator tables), including the real
// inconsistencies of seeds 003 and 002. `npm start` imports the whole seed documents instead
// (seed-demo.ts); this small, hand-checked set is what the browser tests run on
// (BUSOLA_DEMO_DATA=factories), so their expectations stay short and exact.
import type { Db } from "../db/client.ts";
import { demoAccountMaker, type DemoAccount } from "./demo-accounts.ts";
import {
  linkDocuments,
  makeBudget,
  makeCard,
  makeDirection,
  makeDocument,
  makeGoal,
  makeIndicator,
  makeInstitution,
  makeProject,
  makeTenant,
  makeValue,
} from "./factories.ts";

export async function seedFactoryDemo(db: Db): Promise<DemoAccount[]> {
  return db.transaction(async (tx) => {
    const accounts: DemoAccount[] = [];
    const account = demoAccountMaker(tx, accounts);

    // --- Ruda Śląska: strategy with project cards (seed 000) ---
    const ruda = await makeTenant(tx, {
      teryt: "2472011",
      slug: "ruda-slaska",
      name: "Miasto Ruda Śląska",
      kind: "miasto_na_prawach_powiatu",
      welfareCentreName: "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej",
    });
    const t = ruda.id;
    const mops = await makeInstitution(tx, t, {
      name: "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej",
      shortName: "MOPS",
      kind: "municipal_unit",
    });
    const pup = await makeInstitution(tx, t, {
      name: "Powiatowy Urząd Pracy w Rudzie Śląskiej",
      shortName: "PUP",
      kind: "state_agency",
    });
    const cis = await makeInstitution(tx, t, {
      name: "Centrum Integracji Społecznej",
      shortName: "CIS",
      kind: "municipal_unit",
    });
    const caritas = await makeInstitution(tx, t, {
      name: "Caritas Archidiecezji Katowickiej",
      shortName: null,
      kind: "church",
    });
    const strategy = await makeDocument(tx, t, {
      slug: "srps-2016-2025",
      kind: "strategy",
      title: "Strategia Rozwiązywania Problemów Społecznych Miasta Ruda Śląska na lata 2016–2025",
      periodStart: 2016,
      periodEnd: 2025,
      resolutionNumber: "PR.0007.114.2016",
      resolutionDate: "2016-04-28",
    });
    const program = await makeDocument(tx, t, {
      slug: "gpwr-2018-2020",
      kind: "family_support",
      title: "Miejski Program Wspierania Rodziny na lata 2018–2020",
      periodStart: 2018,
      periodEnd: 2020,
    });
    await linkDocuments(tx, t, program.id, strategy.id);
    const c1 = await makeGoal(tx, t, strategy.id, {
      code: "C1",
      title: "Rozwijanie efektywnego systemu pomocy i integracji społecznej",
      coordinatorName: "Karina Kaczyńska",
      coordinatorPosition:
        "Zastępca Dyrektora Miejskiego Ośrodka Pomocy Społecznej w Rudzie Śląskiej",
      position: 1,
    });
    const c2 = await makeGoal(tx, t, strategy.id, {
      code: "C2",
      title: "Wspieranie rodziny i systemu pieczy zastępczej",
      coordinatorName: "Jolanta Włoś",
      coordinatorPosition:
        "Zastępca Dyrektora Miejskiego Ośrodka Pomocy Społecznej w Rudzie Śląskiej",
      position: 2,
    });
    const k1 = await makeDirection(tx, t, c1.id, {
      code: "C1K1",
      title: "Diagnozowanie i monitorowanie problemów społecznych",
      position: 1,
    });
    const k2 = await makeDirection(tx, t, c1.id, {
      code: "C1K2",
      title: "Wsparcie i aktywizacja osób bezrobotnych",
      position: 2,
    });
    const k3 = await makeDirection(tx, t, c1.id, {
      code: "C1K3",
      title: "Działania na rzecz wychodzenia z bezdomności",
      position: 3,
    });
    const k21 = await makeDirection(tx, t, c2.id, {
      code: "C2K1",
      title: "Wspieranie rodzin przeżywających trudności opiekuńczo-wychowawcze",
      position: 1,
    });

    const monitoring = await makeProject(tx, t, k1.id, {
      symbol: "C1K1",
      title: "Monitorowanie problemów społecznych",
      sinceYear: 2004,
      lead: mops.id,
      position: 1,
    });
    await makeCard(tx, t, monitoring.id, 2020, {
      goalText:
        "Identyfikacja problemów społecznych dotyczących mieszkańców Rudy Śląskiej oraz określenie ich występowania na terenie miasta, na podstawie danych będących w posiadaniu Miejskiego Ośrodka Pomocy Społecznej.",
      goalVerdict: "achieved",
      addressees:
        "Wszystkie instytucje i podmioty uczestniczące w realizacji polityki społecznej i rozwiązywania problemów społecznych w mieście.",
      implementers:
        "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej przy współudziale podmiotów i instytucji, które w swej codziennej działalności stykają się z problemami społecznymi.",
      stages:
        "1. „Analiza powodów ubiegania się o pomoc społeczną w latach 2016–2019”.\n2. „Analiza powodów korzystania ze świadczeń pomocy społecznej w 2019 roku”.\n3. Ewaluacja „Aktywny samorząd”.",
      effects:
        "Identyfikacja problemów społecznych; przedstawienie efektów, wskaźników i wniosków w sprawozdaniu opisowym z działalności MOPS oraz w analizach.",
      funding: "W ramach budżetu Miejskiego Ośrodka Pomocy Społecznej.",
      timeframe: "Projekt realizowany od 2004 r.",
      continuation: "yes",
      published: true,
    });
    const warsztat = await makeProject(tx, t, k2.id, {
      symbol: "C1K2",
      title:
        "Reintegracja społeczno-zawodowa bezrobotnych klientów pomocy społecznej „Warsztat edukacyjno-rozwojowy dla osób bezrobotnych”",
      lead: mops.id,
      partners: [pup.id],
      position: 1,
    });
    await makeCard(tx, t, warsztat.id, 2020, {
      goalText:
        "Przeciwdziałanie społecznemu wykluczeniu i marginalizacji bezrobotnych klientów pomocy społecznej.",
      goalVerdict: "achieved",
      addressees: "Bezrobotni klienci pomocy społecznej.",
      implementers: "MOPS we współpracy z Powiatowym Urzędem Pracy.",
      effects: "W warsztatach wzięło udział 24 osoby (K – 9, M – 15).",
      funding: "Budżet miasta.",
      continuation: "yes",
    });
    const kis = await makeProject(tx, t, k2.id, {
      symbol: "C1K2",
      title: "Klub Integracji Społecznej",
      lead: cis.id,
      position: 2,
    });
    await makeCard(tx, t, kis.id, 2020, {
      status: "not_carried_out",
      statusReason: null, // deliberately missing: the card checks must flag it
      goalText: "Reintegracja społeczna i zawodowa osób zagrożonych wykluczeniem.",
      continuation: "yes",
    });
    const schronisko = await makeProject(tx, t, k3.id, {
      symbol: "C1K3",
      title:
        "Udzielanie schronienia osobom bezdomnym z terenu Miasta Ruda Śląska w formie schroniska dla osób bezdomnych",
      lead: mops.id,
      partners: [caritas.id],
      position: 1,
    });
    await makeCard(tx, t, schronisko.id, 2020, {
      goalText: "Zapewnienie schronienia osobom bezdomnym.",
      goalVerdict: "partly",
      effects: "Schronienia udzielono 96 osobom.",
      continuation: "renamed",
      nextYearTitle: "Schronisko dla osób bezdomnych z usługami opiekuńczymi",
    });
    await makeBudget(tx, t, schronisko.id, {
      year: 2020,
      total: 1_588_268.16,
      parts: [
        { sourceKind: "own", sourceLabel: "budżet miasta", amount: 1_388_268.16 },
        { sourceKind: "state", sourceLabel: "dotacja celowa z budżetu państwa", amount: 200_000 },
      ],
    });
    const asystent = await makeProject(tx, t, k21.id, {
      symbol: "C2K1",
      title: "Asystent rodziny",
      lead: mops.id,
      position: 1,
    });
    await makeCard(tx, t, asystent.id, 2020, {
      goalText:
        "Wsparcie rodzin przeżywających trudności w wypełnianiu funkcji opiekuńczo-wychowawczych.",
      goalVerdict: "achieved",
      effects: "Asystenci rodziny zakończyli pracę z 47 rodzinami.",
      continuation: "yes",
    });
    const families = await makeIndicator(tx, t, k21.id, {
      name: "liczba rodzin, z którymi asystenci zakończyli pracę",
      unit: "rodziny",
      projectId: asystent.id,
    });
    await makeValue(tx, t, families.id, 2019, {
      total: 41,
      contributions: [{ institutionId: mops.id, value: 41 }],
      published: true,
    });
    await makeValue(tx, t, families.id, 2020, {
      total: 47,
      contributions: [{ institutionId: mops.id, value: 47 }],
      breakdowns: [
        { dimension: "other", label: "osiągnięcie celów", value: 18 },
        { dimension: "other", label: "brak współpracy", value: 24 },
        { dimension: "other", label: "inne przyczyny", value: 5 },
      ],
    });
    const unemployed = await makeIndicator(tx, t, k2.id, {
      name: "liczba osób, które podjęły zatrudnienie",
      unit: "osoby",
      position: 1,
    });
    await makeValue(tx, t, unemployed.id, 2020, {
      total: 24,
      contributions: [
        {
          institutionId: pup.id,
          value: 15,
          breakdowns: [
            { dimension: "sex", label: "K", value: 6 },
            { dimension: "sex", label: "M", value: 9 },
          ],
        },
        { institutionId: mops.id, value: 9 },
      ],
    });

    // --- Bytom-style budget mismatch from seed 002, under Ruda's C1K2 for the demo ---
    const cwr = await makeProject(tx, t, k21.id, {
      symbol: "C2K1",
      title: "Centrum Wsparcia Rodziny",
      lead: mops.id,
      position: 2,
    });
    await makeCard(tx, t, cwr.id, 2020, {
      goalText: "Kompleksowe wsparcie rodzin.",
      effects: "Wsparciem objęto 605 osób na 582 zakładanych.",
      continuation: "yes",
    });
    await makeBudget(tx, t, cwr.id, {
      total: 6_807_342.26,
      parts: [
        {
          sourceKind: "eu",
          sourceLabel: "Europejski Fundusz Społeczny",
          amount: 5_786_240.92,
          percent: 85,
        },
        { sourceKind: "state", sourceLabel: "budżet państwa", amount: 1_021_101.34, percent: 8 },
        { sourceKind: "own", sourceLabel: "wkład własny", amount: 476_513.96, percent: 7 },
      ],
    });

    await account(
      "admin@ruda-slaska.demo",
      "Anna Administrator",
      { tenantId: t, role: "admin", isSystemAdmin: true },
      "administrator (także systemu)",
      ruda.slug,
    );
    await account(
      "koordynator@ruda-slaska.demo",
      "Katarzyna Koordynator",
      { tenantId: t, role: "coordinator" },
      "koordynator strategii",
      ruda.slug,
    );
    await account(
      "cel1@ruda-slaska.demo",
      "Karina Kaczyńska",
      { tenantId: t, role: "goal_coordinator", goalIds: [c1.id] },
      "koordynator celu C1",
      ruda.slug,
    );
    await account(
      "pup@ruda-slaska.demo",
      "Paweł Partner",
      { tenantId: t, role: "partner", institutionId: pup.id },
      "realizator (PUP)",
      ruda.slug,
    );
    await account(
      "odczyt@ruda-slaska.demo",
      "Weronika Widz",
      { tenantId: t, role: "viewer" },
      "odczyt",
      ruda.slug,
    );

    // --- Ostrowiec Świętokrzyski: indicator tables (seed 003) with its four real mismatches ---
    const ostrowiec = await makeTenant(tx, {
      teryt: "2607011",
      slug: "ostrowiec-swietokrzyski",
      name: "Gmina Ostrowiec Świętokrzyski",
      kind: "gmina_miejska",
      welfareCentreName: "Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim",
    });
    const o = ostrowiec.id;
    const inst = async (name: string, shortName: string, kind = "municipal_unit") =>
      makeInstitution(tx, o, { name, shortName, kind });
    const weiss = await inst("Urząd Miasta – Wydział Edukacji i Spraw Społecznych", "UM WEiSS");
    const pcpr = await inst("Powiatowe Centrum Pomocy Rodzinie", "PCPR");
    const wtz = await inst("Warsztat Terapii Zajęciowej", "WTZ");
    const zi = await inst(
      "Zespół Interdyscyplinarny ds. Przeciwdziałania Przemocy w Rodzinie",
      "ZI",
    );
    const utw = await inst("Uniwersytet Trzeciego Wieku", "UTW", "ngo");
    const mopsO = await inst("Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim", "MOPS");
    const pupO = await inst(
      "Powiatowy Urząd Pracy w Ostrowcu Świętokrzyskim",
      "PUP",
      "state_agency",
    );
    const pck = await inst("Polski Czerwony Krzyż – Oddział Rejonowy", "PCK", "ngo");
    const srps = await makeDocument(tx, o, {
      slug: "srps-2014-2021",
      title:
        "Strategia Rozwiązywania Problemów Społecznych w Gminie Ostrowiec Świętokrzyski na lata 2014–2021",
      periodStart: 2014,
      periodEnd: 2021,
    });
    const g1 = await makeGoal(tx, o, srps.id, {
      code: "1",
      title: "Wspieranie rodziny i przeciwdziałanie wykluczeniu społecznemu",
      position: 1,
    });
    const g2 = await makeGoal(tx, o, srps.id, {
      code: "2",
      title: "Integracja społeczna osób z niepełnosprawnościami i osób starszych",
      position: 2,
    });
    const d11 = await makeDirection(tx, o, g1.id, {
      code: "1.1",
      title: "Przeciwdziałanie bezrobociu i aktywizacja zawodowa",
      actionLines: [
        "aktywizacja zawodowa osób bezrobotnych",
        "współpraca z Powiatowym Urzędem Pracy",
      ],
      position: 1,
    });
    const d12 = await makeDirection(tx, o, g1.id, {
      code: "1.2",
      title:
        "Zwiększenie efektywności wsparcia dzieci i rodzin zagrożonych wykluczeniem społecznym",
      actionLines: [
        "wspieranie rodzin w wypełnianiu funkcji opiekuńczo-wychowawczych",
        "poprawa funkcjonowania istniejących świetlic środowiskowych na terenie miasta",
      ],
      position: 2,
    });
    const d13 = await makeDirection(tx, o, g1.id, {
      code: "1.3",
      title: "Upowszechnianie gminnego systemu przeciwdziałania przemocy w rodzinie",
      actionLines: ["podnoszenie wiedzy społecznej nt. zjawiska przemocy w rodzinie"],
      position: 3,
    });
    const d21 = await makeDirection(tx, o, g2.id, {
      code: "2.1",
      title: "Rehabilitacja społeczna osób z niepełnosprawnościami",
      position: 1,
    });
    const d22 = await makeDirection(tx, o, g2.id, {
      code: "2.2",
      title: "Współpraca z organizacjami pozarządowymi",
      position: 2,
    });
    const ind = async (dir: string, name: string, unit: string, position: number) =>
      makeIndicator(tx, o, dir, { name, unit, position });
    const employed = await ind(d11.id, "liczba osób, które podjęły zatrudnienie", "osoby", 1);
    await makeValue(tx, o, employed.id, 2020, {
      total: 701,
      contributions: [
        { institutionId: pupO.id, value: 680 },
        { institutionId: mopsO.id, value: 21 },
      ],
      published: true,
    });
    await makeValue(tx, o, employed.id, 2021, {
      total: 748,
      contributions: [
        { institutionId: pupO.id, value: 725 },
        { institutionId: mopsO.id, value: 23 },
      ],
    });
    const clubs = await ind(
      d12.id,
      "liczba dzieci korzystających ze świetlic środowiskowych",
      "dzieci",
      1,
    );
    await makeValue(tx, o, clubs.id, 2021, {
      total: 277,
      contributions: [
        { institutionId: weiss.id, value: 227 },
        { institutionId: pck.id, value: 0 },
        { institutionId: mopsO.id, value: 0 },
      ],
    });
    const contracts = await ind(
      d12.id,
      "liczba zawartych kontraktów socjalnych z rodzinami",
      "kontrakty",
      2,
    );
    await makeValue(tx, o, contracts.id, 2021, {
      total: 10,
      contributions: [
        {
          institutionId: mopsO.id,
          value: 10,
          note: "Podpisano 10 porozumień z rodzicami w ramach Szkoły Rodziny",
        },
      ],
    });
    const campaigns = await ind(
      d13.id,
      "liczba przeprowadzonych kampanii społecznych",
      "kampanie",
      1,
    );
    await makeValue(tx, o, campaigns.id, 2021, {
      total: 5,
      contributions: [
        { institutionId: zi.id, value: 6 },
        { institutionId: utw.id, value: 2 },
      ],
    });
    const camps = await ind(
      d21.id,
      "liczba osób uczestniczących w turnusach rehabilitacyjnych",
      "osoby",
      1,
    );
    await makeValue(tx, o, camps.id, 2021, {
      total: 884,
      contributions: [
        { institutionId: wtz.id, value: 72 },
        {
          institutionId: pcpr.id,
          value: 772,
          breakdowns: [
            { dimension: "of_which", label: "dorośli", value: 590 },
            { dimension: "of_which", label: "dzieci", value: 24 },
            { dimension: "of_which", label: "opiekunowie dorosłych", value: 136 },
            { dimension: "of_which", label: "opiekunowie dzieci", value: 22 },
          ],
        },
      ],
    });
    const ngos = await ind(
      d22.id,
      "liczba organizacji pozarządowych, którym zlecono zadania",
      "organizacje",
      1,
    );
    await makeValue(tx, o, ngos.id, 2021, {
      total: 13,
      contributions: [
        { institutionId: weiss.id, value: 10 },
        { institutionId: pcpr.id, value: 3 },
        { institutionId: mopsO.id, value: 4 },
      ],
    });
    await account(
      "koordynator@ostrowiec.demo",
      "Olga Ostrowska",
      { tenantId: o, role: "coordinator" },
      "koordynator strategii",
      ostrowiec.slug,
    );
    await account(
      "pcpr@ostrowiec.demo",
      "Piotr Pcpr",
      { tenantId: o, role: "partner", institutionId: pcpr.id },
      "realizator (PCPR)",
      ostrowiec.slug,
    );
    return accounts;
  });
}
