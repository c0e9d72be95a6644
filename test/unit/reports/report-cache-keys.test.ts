// The report cache's keys (decision 048): what a report depends on changes the key; what it
// does not (who, beyond their rights; the time within a day; a default given or left out)
// leaves it.
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../app/domain/actor.ts";
import { dataKey, inputsKey, type ReportInputs } from "../../../app/reports/report-cache.ts";

const coordinator = (userId: string): Actor => ({
  userId,
  name: `Osoba ${userId}`,
  isSystemAdmin: false,
  membership: { tenantId: "t1", role: "coordinator", institutionId: null, goalIds: [] },
});

const base: ReportInputs = {
  tenant: { id: "t1", name: "Gmina", kind: "gmina_miejska", teryt: "1234011" },
  dataVersion: 7,
  actor: coordinator("u1"),
  documentId: "d1",
  year: 2020,
  layout: "cards",
  format: "pdf",
  options: {},
  generatedAt: new Date("2021-03-31T10:00:00Z"),
};
const key = (over: Partial<ReportInputs>) => inputsKey({ ...base, ...over });

describe("report cache inputs key", () => {
  it("is the same for another person with the same rights, later the same day, defaults spelt out", () => {
    expect(key({ actor: coordinator("u2") })).toBe(key({}));
    expect(key({ generatedAt: new Date("2021-03-31T15:00:00Z") })).toBe(key({}));
    expect(key({ options: { charts: true, publishedOnly: false } })).toBe(key({}));
  });

  it("changes with the data version, the rights, the scope and every choice of the report", () => {
    const partner: Actor = {
      ...base.actor,
      membership: { tenantId: "t1", role: "partner", institutionId: "i1", goalIds: [] },
    };
    const variants = [
      key({ dataVersion: 8 }),
      key({ actor: partner }),
      key({ actor: { ...base.actor, isSystemAdmin: true } }),
      key({ tenant: { ...base.tenant, id: "t2" } }),
      key({ documentId: "d2" }),
      key({ year: 2021 }),
      key({ layout: "indicators" }),
      key({ format: "docx" }),
      key({ options: { publishedOnly: true } }),
      key({ options: { charts: false } }),
      key({ options: { suppressCountsBelow: 3 } }),
      key({ generatedAt: new Date("2021-04-01T10:00:00Z") }),
    ];
    expect(new Set([key({}), ...variants]).size).toBe(variants.length + 1);
  });
});

describe("report cache data key", () => {
  const data = (over: Partial<ReportInputs>) => dataKey({ ...base, ...over });

  it("is one for every layout, format, chart choice and day of one reader's year", () => {
    expect(data({ layout: "indicators", format: "docx", options: { charts: false } })).toBe(
      data({}),
    );
    expect(data({ generatedAt: new Date("2021-04-02T10:00:00Z") })).toBe(data({}));
  });

  it("changes with the data version, the rights and the published-only choice", () => {
    const partner: Actor = {
      ...base.actor,
      membership: { tenantId: "t1", role: "partner", institutionId: "i1", goalIds: [] },
    };
    const variants = [
      data({ dataVersion: 8 }),
      data({ actor: partner }),
      data({ options: { publishedOnly: true } }),
      data({ year: 2021 }),
      data({ documentId: "d2" }),
    ];
    expect(new Set([data({}), ...variants]).size).toBe(variants.length + 1);
  });
});
