// Final reports: refused while an error finding is open, stored byte for byte with a data
// fingerprint, flagged when the data changes, and only the coordinator's to make.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../app/domain/errors.ts";
import { acknowledgeFinding } from "../../app/domain/findings.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import {
  getFinalReport,
  listFinalReports,
  markReportFinal,
} from "../../app/reports/final-reports.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("final reports on %s", (engine) => {
  const database = useDatabase(engine);

  it("refuses while an error finding is open; then stores the file exactly as made", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const args = {
      documentId: w.doc.id,
      year: 2020,
      layout: "indicators",
      format: "html",
    } as const;
    // A count with a fraction is an error finding: 10,5 persons.
    const before = await getIndicatorValue({ scope, indicatorId: w.indicator.id, year: 2020 });
    const contributions = (first: number) =>
      before.bundle!.contributions.map((c, i) => ({
        institutionId: c.institutionId,
        value: i === 0 ? first : c.value,
        approximate: c.approximate,
        note: c.note,
      }));
    await saveIndicatorValue({
      scope,
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: before.bundle!.value.version,
      total: 30,
      contributions: contributions(10.5),
    });
    await expect(markReportFinal({ scope, ...args })).rejects.toThrow(/nie można zatwierdzić/iu);

    const view = await getIndicatorValue({ scope, indicatorId: w.indicator.id, year: 2020 });
    const errors = view.bundle!.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const finding of errors) {
      await acknowledgeFinding({
        scope,
        entityType: "indicator_value",
        entityId: w.value.id,
        goalId: w.goal1.id,
        finding,
        comment: "Pół etatu liczone jako pół osoby — tak podała instytucja.",
      });
    }
    const stored = await markReportFinal({ scope, ...args });
    const file = await getFinalReport({ scope, reportId: stored.id });
    const html = new TextDecoder().decode(file.content);
    expect(html).toContain("liczba osób objętych wsparciem");
    expect(html).not.toContain("PROJEKT");
    expect(file.fingerprint).toMatch(/^[0-9a-f]{64}$/u);

    const [listed] = await listFinalReports({ scope, documentId: w.doc.id, year: 2020 });
    expect(listed!.stale).toBe(false);

    // The data changes: the stored file stays, and the list says the data moved on.
    await saveIndicatorValue({
      scope,
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: view.bundle!.value.version,
      total: 25,
      contributions: contributions(10),
    });
    const [after] = await listFinalReports({ scope, documentId: w.doc.id, year: 2020 });
    expect(after!.stale).toBe(true);
    const again = await getFinalReport({ scope, reportId: stored.id });
    expect(Buffer.from(again.content).equals(Buffer.from(file.content))).toBe(true);
  });

  it("is the coordinator's to make; other municipalities cannot read it", async () => {
    const w = await buildWorld(database.get());
    const other = await buildWorld(database.get());
    const args = { documentId: w.doc.id, year: 2020, layout: "cards", format: "html" } as const;
    await expect(markReportFinal({ scope: w.scope("partnerA"), ...args })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(markReportFinal({ scope: w.scope("viewer"), ...args })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      markReportFinal({ scope: other.scope("coordinator"), ...args }),
    ).rejects.toBeInstanceOf(NotFoundError);

    // A stored final report: its own coordinator reads it, another municipality's cannot,
    // not even by its id, and it is not in their list.
    const stored = await markReportFinal({ scope: w.scope("coordinator"), ...args });
    const own = await getFinalReport({ scope: w.scope("coordinator"), reportId: stored.id });
    expect(own.content.length).toBeGreaterThan(0);
    await expect(
      getFinalReport({ scope: other.scope("coordinator"), reportId: stored.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getFinalReport({ scope: other.scope("admin"), reportId: stored.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const ownList = await listFinalReports({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2020,
    });
    expect(ownList.map((r) => r.id)).toEqual([stored.id]);
    // The same question asked from the other municipality: nothing (tenant-scoped query).
    await expect(
      listFinalReports({ scope: other.scope("coordinator"), documentId: w.doc.id, year: 2020 }),
    ).resolves.toEqual([]);
  });
});
