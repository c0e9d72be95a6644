// "Realizator(zy)" texts as cards write them, split into institutions with their roles.
import { describe, expect, it } from "vitest";
import { splitImplementers } from "../../../app/report-reader/implementers.ts";

describe("implementers split into institutions", () => {
  it("keeps the lead of seed 000's cards and drops the description of the others", () => {
    expect(
      splitImplementers(
        "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej przy współudziale podmiotów i instytucji, które w swej codziennej działalności stykają się z problemami społecznymi.",
      ),
    ).toEqual([{ name: "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej", role: "lead" }]);
    expect(
      splitImplementers(
        "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej w ramach Działu Klub Integracji Społecznej.",
      ),
    ).toEqual([{ name: "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej", role: "lead" }]);
  });

  it("tells the lead from partners where the text says so", () => {
    expect(splitImplementers("MOPS we współpracy z PUP i ze Stowarzyszeniem Arka")).toEqual([
      { name: "MOPS", role: "lead" },
      { name: "PUP", role: "partner" },
      { name: "Stowarzyszenie Arka", role: "partner" },
    ]);
    expect(splitImplementers("Lider: PCPR; Partnerzy: WTZ „Szansa”, Fundacja Nadzieja")).toEqual([
      { name: "PCPR", role: "lead" },
      { name: "WTZ „Szansa”", role: "partner" },
      { name: "Fundacja Nadzieja", role: "partner" },
    ]);
    expect(splitImplementers("Urząd Miasta (lider), Caritas (partner)")).toEqual([
      { name: "Urząd Miasta", role: "lead" },
      { name: "Caritas", role: "partner" },
    ]);
  });

  it("lists several implementers without stating roles", () => {
    expect(
      splitImplementers(
        "Miejski Ośrodek Pomocy Społecznej, Stowarzyszenie Senior\nKPP oraz Straż Miejska",
      ),
    ).toEqual([
      { name: "Miejski Ośrodek Pomocy Społecznej", role: "unstated" },
      { name: "Stowarzyszenie Senior", role: "unstated" },
      { name: "KPP", role: "unstated" },
      { name: "Straż Miejska", role: "unstated" },
    ]);
    expect(splitImplementers("MOPS – Dział Wsparcia Rodziny")).toEqual([
      { name: "MOPS", role: "lead" },
    ]);
  });

  it("gives nothing for text without a name", () => {
    expect(splitImplementers("pracownicy socjalni")).toEqual([]);
    expect(splitImplementers(null)).toEqual([]);
  });
});
