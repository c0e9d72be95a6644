// The spreadsheet path against the database: download, fill, upload, confirm, stored — and
// what must not happen: a stale workbook overwriting a form save, a partner touching another's.
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../app/domain/errors.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { getProjectCard } from "../../app/domain/project-cards.ts";
import {
  applyPartnerWorkbook,
  buildPartnerWorkbook,
  loadPartnerWorkItems,
  readPartnerWorkbook,
} from "../../app/round-xlsx/index.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";
import { cardRow, filled } from "../unit/round-xlsx/fixtures.ts";

const load = (w: World, year: number, who: "partnerA" | "partnerB" = "partnerA") =>
  loadPartnerWorkItems({
    scope: w.scope(who),
    institutionId: w.instA.id,
    documentId: w.doc.id,
    year,
  });

const indicatorRow = (wb: ExcelJS.Workbook) => wb.getWorksheet("Wskaźniki")!.getRow(2);

describe.each(engines())("round spreadsheet on %s", (engine) => {
  const database = useDatabase(engine);

  it("round trip: build, fill as a user would, read, confirm, stored", async () => {
    const w = await buildWorld(database.get());
    const items = await load(w, 2021);
    expect(items.cards.map((c) => [c.symbol, c.version, c.lastYear?.goalText])).toEqual([
      ["C1K1", null, "Cel A"],
    ]);
    // Only the institution's own contribution, last year's for reference; nothing of B's.
    expect(items.contributions).toEqual([
      expect.objectContaining({ indicatorId: w.indicator.id, valueId: null, version: null }),
    ]);
    expect(items.contributions[0]!.lastYearValue).toBe(10);
    expect(JSON.stringify(items)).not.toContain(w.instB.id);

    const bytes = await filled(await buildPartnerWorkbook(items), (wb) => {
      cardRow(wb, "goalText").getCell(8).value = "Cel A 2021";
      cardRow(wb, "status").getCell(8).value = "zrealizowany";
      indicatorRow(wb).getCell(9).value = "ok. 1 250,5";
    });
    const upload = await load(w, 2021);
    const { changes, errors } = await readPartnerWorkbook(bytes, upload);
    expect(errors).toEqual([]);
    expect(changes.cards[0]!.diffs.map((d) => d.field)).toEqual(["status", "goalText"]);
    const result = await applyPartnerWorkbook({
      scope: w.scope("partnerA"),
      items: upload,
      changes,
    });
    expect(result).toEqual({ saved: 2, conflicts: [] });

    const card = await getProjectCard({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: 2021,
    });
    expect(card.card).toMatchObject({ goalText: "Cel A 2021", status: "carried_out", version: 1 });
    const value = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2021,
    });
    expect(
      value.bundle!.contributions.map((c) => [c.institutionId, c.value, c.approximate]),
    ).toEqual([[w.instA.id, 1250.5, true]]);
    // A second download starts from what is now stored.
    const again = await load(w, 2021);
    expect(again.cards[0]!.version).toBe(1);
    expect(again.contributions[0]).toMatchObject({ value: 1250.5, approximate: true, version: 1 });
  });

  it("a stale workbook racing a form save: a conflict per item, nothing saved, no lost write", async () => {
    const w = await buildWorld(database.get());
    const downloaded = await load(w, 2020);
    const bytes = await filled(await buildPartnerWorkbook(downloaded), (wb) => {
      cardRow(wb, "effects").getCell(8).value = "Efekty z arkusza";
      indicatorRow(wb).getCell(9).value = 99;
    });
    // Meanwhile someone of the same institution saves the contribution in the form…
    await saveIndicatorValue({
      scope: w.scope("partnerA"),
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: null,
      expectedContributionVersion: downloaded.contributions[0]!.version,
      contributions: [{ institutionId: w.instA.id, value: 12, approximate: false, note: null }],
    });
    // …and partner B saves its own contribution to the same value, which is no conflict.
    const b = await getIndicatorValue({
      scope: w.scope("partnerB"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    await saveIndicatorValue({
      scope: w.scope("partnerB"),
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: null,
      expectedContributionVersion: b.bundle!.contributions[0]!.version,
      contributions: [{ institutionId: w.instB.id, value: 17, approximate: false, note: null }],
    });
    const upload = await load(w, 2020);
    const { changes, errors } = await readPartnerWorkbook(bytes, upload);
    expect(errors).toEqual([]);
    expect(changes.contributions[0]).toMatchObject({ stale: true, value: 99 });
    expect(changes.cards[0]).toMatchObject({ stale: false });
    const result = await applyPartnerWorkbook({
      scope: w.scope("partnerA"),
      items: upload,
      changes,
    });
    expect(result.saved).toBe(0);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        kind: "contribution",
        id: w.indicator.id,
        by: "Osoba partner",
        message: expect.stringMatching(
          /^Wartość wskaźnika „liczba osób objętych wsparciem” została zmieniona w Busoli po pobraniu arkusza — zmienił\(a\) ją Osoba partner \(\d\d\.\d\d\.\d{4}\u00a0r\., \d\d:\d\d\)\. Nic nie zapisano\./,
        ),
      }),
    ]);
    // All in one transaction: the card, which had no conflict, was not saved either.
    const card = await getProjectCard({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: 2020,
    });
    expect(card.card!.effects).toBe("Efekty A");
    const value = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    expect(value.bundle!.contributions.map((c) => c.value)).toEqual([12, 17]);

    // The partner confirms: its values replace the current ones, deliberately.
    const confirmed = await applyPartnerWorkbook({
      scope: w.scope("partnerA"),
      items: upload,
      changes,
      overrideStale: true,
    });
    expect(confirmed).toEqual({ saved: 2, conflicts: [] });
    const after = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    expect(after.bundle!.contributions.map((c) => c.value)).toEqual([99, 17]);
  });

  it("a partner can neither download nor apply another institution's items", async () => {
    const w = await buildWorld(database.get());
    await expect(load(w, 2020, "partnerB")).rejects.toBeInstanceOf(NotFoundError);
    const itemsA = await load(w, 2020);
    const bytes = await filled(await buildPartnerWorkbook(itemsA), (wb) => {
      indicatorRow(wb).getCell(9).value = 1;
    });
    const { changes } = await readPartnerWorkbook(bytes, itemsA);
    await expect(
      applyPartnerWorkbook({ scope: w.scope("partnerB"), items: itemsA, changes }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // B's own workbook does not list A's project or value, so their ids are refused as foreign.
    const itemsB = await loadPartnerWorkItems({
      scope: w.scope("partnerB"),
      institutionId: w.instB.id,
      documentId: w.doc.id,
      year: 2020,
    });
    expect(itemsB.cards.map((c) => c.projectId)).toEqual([w.projectB.id]);
    const forged = await filled(await buildPartnerWorkbook(itemsB), (wb) => {
      cardRow(wb, "goalText").getCell(1).value = w.projectA.id;
      cardRow(wb, "goalText").getCell(8).value = "Przejęty cel";
    });
    const read = await readPartnerWorkbook(forged, itemsB);
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]!.message).toContain("nie dotyczy żadnego z projektów Twojej instytucji");
    expect(read.changes.cards).toEqual([]);
    const stored = await getProjectCard({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: 2020,
    });
    expect(stored.card!.goalText).toBe("Cel A");
  });
});
