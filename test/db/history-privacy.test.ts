// Partner privacy in the change history (testing issue, gap 5): the domain's listHistory cuts
// other institutions' contributions out of what a partner reads, whichever page asks.
import { describe, expect, it } from "vitest";
import { listHistory } from "../../app/domain/audit.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("history privacy on %s", (engine) => {
  const database = useDatabase(engine);

  it("a partner's history of a value shows its own contribution only", async () => {
    const w = await buildWorld(database.get());
    const own = (institutionId: string, value: number) => ({
      institutionId,
      value,
      approximate: false,
      note: null,
    });
    const view = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    await saveIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: view.bundle!.value.version,
      total: 40,
      contributions: [own(w.instA.id, 13), own(w.instB.id, 19)],
    } as Parameters<typeof saveIndicatorValue>[0]);
    const ids = [view.bundle!.value.id];

    const all = await listHistory({ scope: w.scope("coordinator"), entityIds: ids });
    const shown = (entries: typeof all) =>
      JSON.stringify(entries.flatMap((e) => e.changes.filter((c) => c.field === "contributions")));
    // The coordinator sees both institutions' changes — the test's data is what it claims.
    expect(shown(all)).toContain(w.instA.id);
    expect(shown(all)).toContain(w.instB.id);

    const partnerA = await listHistory({ scope: w.scope("partnerA"), entityIds: ids });
    expect(shown(partnerA)).toContain(w.instA.id);
    expect(shown(partnerA)).not.toContain(w.instB.id);
    const partnerB = await listHistory({ scope: w.scope("partnerB"), entityIds: ids });
    expect(shown(partnerB)).toContain(w.instB.id);
    expect(shown(partnerB)).not.toContain(w.instA.id);
  });
});
