// Ostrowiec Świętokrzyski 2021 (seed 003): the municipality, its institutions, the strategy with
// two goals and their directions with proposed action lines.
import type { DbOrTx } from "../../db/client.ts";
import {
  makeDirection,
  makeDocument,
  makeGoal,
  makeInstitution,
  makeTenant,
} from "../factories.ts";

export type OstrowiecStrategy = Awaited<ReturnType<typeof makeOstrowiecStrategy>>;

export async function makeOstrowiecStrategy(tx: DbOrTx) {
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
  const zi = await inst("Zespół Interdyscyplinarny ds. Przeciwdziałania Przemocy w Rodzinie", "ZI");
  const utw = await inst("Uniwersytet Trzeciego Wieku", "UTW", "ngo");
  const mopsO = await inst("Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim", "MOPS");
  const pupO = await inst("Powiatowy Urząd Pracy w Ostrowcu Świętokrzyskim", "PUP", "state_agency");
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
    title: "Zwiększenie efektywności wsparcia dzieci i rodzin zagrożonych wykluczeniem społecznym",
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
  return { ostrowiec, weiss, pcpr, wtz, zi, utw, mopsO, pupO, pck, d11, d12, d13, d21, d22 };
}
