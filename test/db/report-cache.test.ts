// The report cache (decision 048): a repeated report comes from it; a write that changes the
// data is in the next report even through a scope made before the write; a reader with other
// rights never gets another reader's report; equal content is rendered once; the reports
// rendered ahead (a new demo) serve the first request.
import { describe, expect, it } from "vitest";
import { saveProjectCard } from "../../app/domain/project-cards.ts";
import { CARD_FIELDS, type CardFields } from "../../app/domain/value-labels.ts";
import { generateReport } from "../../app/reports/generate.ts";
import { prerenderReports } from "../../app/reports/prerender.ts";
import { reportCacheSize } from "../../app/reports/report-cache.ts";
import type { ReportFormat, ReportOptions } from "../../app/reports/model.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

const fields = (over: Partial<CardFields>): CardFields => {
  const f = Object.fromEntries(CARD_FIELDS.map((k) => [k, null])) as CardFields;
  return { ...f, status: "carried_out", ...over };
};

const report = (
  w: World,
  who: Parameters<World["scope"]>[0],
  format: ReportFormat = "html",
  options: ReportOptions = {},
) =>
  generateReport({
    scope: w.scope(who),
    documentId: w.doc.id,
    year: 2020,
    layout: "cards",
    format,
    options,
  });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe.each(engines())("report cache on %s", (engine) => {
  const database = useDatabase(engine);

  it("serves the same inputs from the cache", async () => {
    const w = await buildWorld(database.get());
    const first = await report(w, "coordinator");
    expect(text(first.bytes)).toContain("Efekty A");
    expect((await report(w, "coordinator")).bytes).toBe(first.bytes);
  });

  it("shows a saved card in the next report, through a scope made before the write", async () => {
    const w = await buildWorld(database.get());
    expect(text((await report(w, "coordinator")).bytes)).toContain("Efekty A");
    await saveProjectCard({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: 2020,
      expectedVersion: 1,
      fields: fields({ goalText: "Cel A", effects: "Efekty po poprawce" }),
    });
    const after = text((await report(w, "coordinator")).bytes);
    expect(after).toContain("Efekty po poprawce");
    expect(after).not.toContain("Efekty A");
  });

  it("never gives a partner the coordinator's report, nor the other way round", async () => {
    const w = await buildWorld(database.get());
    // The cards are unpublished: a partner's report has published data only.
    expect(text((await report(w, "coordinator")).bytes)).toContain("Efekty B");
    const partner = text((await report(w, "partnerA")).bytes);
    expect(partner).toContain("Projekt A");
    expect(partner).not.toContain("Efekty B");
    expect(text((await report(w, "coordinator")).bytes)).toContain("Efekty B");
  });

  it("renders equal content once for readers with other rights", async () => {
    const w = await buildWorld(database.get());
    const admin = await report(w, "admin");
    expect((await report(w, "coordinator")).bytes).toBe(admin.bytes);
  });

  it("serves the first request from a report rendered ahead", async () => {
    const w = await buildWorld(database.get());
    const made = await prerenderReports({
      db: database.get().db,
      tenantSlugs: [w.tenant.slug],
      layouts: ["cards"],
    });
    expect(made).toBe(1);
    const before = reportCacheSize();
    const first = await report(w, "coordinator", "pdf");
    expect(text(first.bytes.slice(0, 5))).toBe("%PDF-");
    // The report form's charts box unticked: with one year there are no charts to leave out.
    expect((await report(w, "coordinator", "pdf", { charts: false })).bytes).toBe(first.bytes);
    // Nothing new was rendered, nor kept: the coordinator's file was made and kept ahead.
    expect(reportCacheSize().renders).toBe(before.renders);
    expect(reportCacheSize().inputs).toBe(before.inputs);
  }, 60_000);
});
