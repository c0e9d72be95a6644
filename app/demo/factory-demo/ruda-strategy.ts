// Ruda Śląska 2020 (seed 000): the municipality, its institutions, the strategy with the family
// program that implements it, two strategic goals and their directions.
import type { DbOrTx } from "../../db/client.ts";
import {
  linkDocuments,
  makeDirection,
  makeDocument,
  makeGoal,
  makeInstitution,
  makeTenant,
} from "../factories.ts";

export type RudaStrategy = Awaited<ReturnType<typeof makeRudaStrategy>>;

export async function makeRudaStrategy(tx: DbOrTx) {
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
  return { ruda, mops, pup, cis, caritas, c1, k1, k2, k3, k21 };
}
