// The public version of a report withholds small counts of people (DOMAIN §6).
import { describe, expect, it } from "vitest";
import { generateReport } from "../../app/reports/generate.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("public report on %s", (engine) => {
  const database = useDatabase(engine);

  it("prints counts below the threshold as 'poniżej progu' and says why", async () => {
    const w = await buildWorld(database.get());
    const make = (suppressCountsBelow?: number) =>
      generateReport({
        scope: w.scope("coordinator"),
        documentId: w.doc.id,
        year: 2020,
        layout: "indicators",
        format: "html",
        options: { suppressCountsBelow },
      }).then((r) => new TextDecoder().decode(r.bytes));
    // The world's value: 30 in total, contributions 10 and 15 (persons).
    const full = await make();
    expect(full).not.toContain("poniżej progu");
    const publicVersion = await make(12);
    expect(publicVersion).toContain("poniżej progu");
    expect(publicVersion).toContain("mniejsze niż 12");
    expect(publicVersion).toMatch(/15/u); // 15 is above the threshold
    expect(publicVersion).toMatch(/>30</u); // and so is the total
  });
});
