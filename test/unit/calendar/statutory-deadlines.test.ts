import { describe, expect, it } from "vitest";
import {
  proposedPartnerDeadline,
  upcomingDeadlines,
} from "../../../app/domain/calendar/statutory-deadlines.ts";
import { titleWithPeriod } from "../../../app/reports/layout/legal-basis.ts";

const doc = (title: string) => ({
  id: "d",
  slug: "d",
  kind: "strategy",
  title,
  periodStart: 2016,
  periodEnd: 2025,
  resolutionNumber: null,
  resolutionDate: null,
});

describe("report title and statutory calendar", () => {
  it("names the period once, whether the title has it or not", () => {
    expect(titleWithPeriod(doc("Strategia na lata 2016–2025"))).toBe("Strategia na lata 2016–2025");
    expect(titleWithPeriod(doc("Strategia"))).toBe("Strategia na lata 2016–2025");
  });

  it("lists the family-support deadlines from today on, in date order", () => {
    const dates = upcomingDeadlines("family_support", "2026-03-01").map((d) => d.date);
    expect(dates).toEqual(["2026-03-31", "2026-07-31", "2027-01-31", "2027-03-31"]);
    expect(upcomingDeadlines("ngo_cooperation", "2026-06-01")[0]!.date).toBe("2027-05-31");
  });

  it("proposes a partner deadline three weeks before the council's", () => {
    expect(proposedPartnerDeadline("family_support", 2025, "2026-01-05")).toBe("2026-03-10");
    expect(proposedPartnerDeadline("family_support", 2025, "2026-03-20")).toBe("2026-03-27");
    expect(proposedPartnerDeadline("other", 2025, "2026-01-05")).toBeNull();
  });
});
