// Ostrowiec's indicator values of 2020–2021 as seed 003 prints them, with its four real
// mismatches between a total and its institutions' parts (świetlice 277 against 227, kampanie 5
// against 8, turnusy 884 against 844, organizacje 13 against 17) that the checks must find.
import type { DbOrTx } from "../../db/client.ts";
import { makeIndicator, makeValue } from "../factories.ts";
import type { OstrowiecStrategy } from "./ostrowiec-strategy.ts";

export async function makeOstrowiecValues(tx: DbOrTx, s: OstrowiecStrategy) {
  const o = s.ostrowiec.id;
  const { weiss, pcpr, wtz, zi, utw, mopsO, pupO, pck, d11, d12, d13, d21, d22 } = s;
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
}
