// `busola list`'s overview in three queries gives, for every municipality, what the
// per-municipality domain functions give: the same documents in the same order, the same years.
import { describe, expect, it } from "vitest";
import { makeCard } from "../../app/demo/factories.ts";
import { listDocuments, listReportingYears } from "../../app/domain/documents.ts";
import { listInstallation } from "../../app/domain/installation-overview.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("installation overview on %s", (engine) => {
  const database = useDatabase(engine);

  it("lists every municipality with its documents and reporting years", async () => {
    const a = await buildWorld(database.get());
    const b = await buildWorld(database.get());
    const db = database.get().db;
    await makeCard(db, a.tenant.id, a.projectA.id, 2018, { effects: "x" });
    const all = await listInstallation({ db });
    for (const w of [a, b]) {
      const scope = w.scope("coordinator");
      const docs = await listDocuments({ scope });
      const expected = await Promise.all(
        docs.map(async (d) => ({
          id: d.id,
          years: await listReportingYears({ scope, documentId: d.id }),
        })),
      );
      const found = all.find((m) => m.teryt === w.tenant.teryt)!;
      expect(found.name).toBe(w.tenant.name);
      expect(found.documents.map((d) => ({ id: d.id, years: d.years }))).toEqual(expected);
    }
    const years = all.find((m) => m.teryt === a.tenant.teryt)!.documents[0]!.years;
    expect(years[0]).toBeGreaterThan(years.at(-1)!);
    expect(years).toContain(2018);
  });
});
