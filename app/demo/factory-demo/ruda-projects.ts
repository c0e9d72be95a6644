// Ruda Śląska's projects of 2020 with their cards, budgets and indicator values, including the
// card without a reason for not being carried out and the Bytom-style budget of seed 002 whose
// percentages do not add up: the checks must flag both.
import type { DbOrTx } from "../../db/client.ts";
import { makeBudget, makeCard, makeIndicator, makeProject, makeValue } from "../factories.ts";
import type { RudaStrategy } from "./ruda-strategy.ts";

/** Goal C1: monitoring, the workshop for the unemployed, the club and the shelter. */
export async function makeRudaGoal1Projects(tx: DbOrTx, s: RudaStrategy) {
  const t = s.ruda.id;
  const { mops, pup, cis, caritas, k1, k2, k3 } = s;
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
}

/** Goal C2's family assistant with its indicator, and the employment indicator of C1K2. */
export async function makeRudaIndicators(tx: DbOrTx, s: RudaStrategy) {
  const t = s.ruda.id;
  const { mops, pup, k2, k21 } = s;
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
}

/** Bytom-style budget mismatch from seed 002, under Ruda's C2K1 for the demo. */
export async function makeRudaMismatchedBudget(tx: DbOrTx, s: RudaStrategy) {
  const t = s.ruda.id;
  const { mops, k21 } = s;
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
}
