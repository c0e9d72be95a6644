import { describe, expect, it } from "vitest";
import { checkIndicatorValue } from "../../../app/domain/validation/index.ts";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import { readSexBreakdown, sexBreakdownRows } from "../../../app/report-reader/sex-breakdown.ts";
import { SEEDS_DIR, SEED_002, readSeed } from "./seeds.ts";
import { existsSync } from "node:fs";

describe("a value split by sex, as reports write it", () => {
  it("reads the notations of the reports", () => {
    expect(readSexBreakdown("K- 9, M- 15, ogółem 24")).toEqual({ women: 9, men: 15, total: 24 });
    expect(readSexBreakdown("K-1, M- 23, ogółem 24")).toEqual({ women: 1, men: 23, total: 24 });
    expect(readSexBreakdown("(K – 6, M – 9)")).toEqual({ women: 6, men: 9, total: null });
    expect(readSexBreakdown("K: 1 204; M: 980; razem: 2 184")).toEqual({
      women: 1204,
      men: 980,
      total: 2184,
    });
    expect(readSexBreakdown("Klub Młodzieżowy 24")).toBeNull();
    expect(readSexBreakdown("OK 5, MOPS 3")).toBeNull();
  });

  it("a split that does not add up is a finding for the reviewer, not a correction", () => {
    const b = readSexBreakdown("K- 16, M- 25, ogółem 40")!;
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: b.total,
      contributions: [],
      breakdowns: sexBreakdownRows(b),
    });
    expect(findings.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(SEEDS_DIR + SEED_002))(
    "seed 002: the five K/M/ogółem indicators keep their split",
    () => {
      const split = parseReportText(readSeed(SEED_002)).indicators.filter((i) => i.breakdowns);
      expect(split.map((i) => i.value)).toEqual([24, 40, 24, 24, 40]);
      expect(split[1]!.breakdowns!.map((b) => b.value)).toEqual([16, 25]);
    },
  );
});
