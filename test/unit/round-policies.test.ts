import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../../app/domain/actor.ts";
import {
  canManageRounds,
  canReviewAssignment,
  canViewOutbox,
  canViewRounds,
  canWorkOnAssignment,
} from "../../app/policies/index.ts";
import { describeDaysLeft, daysUntil, warsawDay } from "../../app/domain/rounds/round-dates.ts";
import { yearChange } from "../../app/domain/rounds/change.ts";

const actor = (role: Role, extra: { institutionId?: string; goalIds?: string[] } = {}): Actor => ({
  userId: "u",
  name: "U",
  isSystemAdmin: false,
  membership: {
    tenantId: "t",
    role,
    institutionId: extra.institutionId ?? null,
    goalIds: extra.goalIds ?? [],
  },
});
const item = { goalId: "g1", institutionId: "A" };

describe("round policies", () => {
  it("coordinators manage rounds; goal coordinators view and review their goals only", () => {
    expect(canManageRounds(actor("coordinator"))).toBe(true);
    expect(canManageRounds(actor("goal_coordinator", { goalIds: ["g1"] }))).toBe(false);
    expect(canViewRounds(actor("goal_coordinator"))).toBe(true);
    expect(canViewRounds(actor("partner", { institutionId: "A" }))).toBe(false);
    expect(canViewRounds(actor("viewer"))).toBe(false);
    expect(canReviewAssignment(actor("goal_coordinator", { goalIds: ["g1"] }), item)).toBe(true);
    expect(canReviewAssignment(actor("goal_coordinator", { goalIds: ["g2"] }), item)).toBe(false);
    expect(canReviewAssignment(actor("partner", { institutionId: "A" }), item)).toBe(false);
  });

  it("only a partner of the assigned institution works on an item", () => {
    expect(canWorkOnAssignment(actor("partner", { institutionId: "A" }), item)).toBe(true);
    expect(canWorkOnAssignment(actor("partner", { institutionId: "B" }), item)).toBe(false);
    expect(canWorkOnAssignment(actor("coordinator"), item)).toBe(false);
  });

  it("the outbox (links redacted) is for the municipality's managers", () => {
    expect(canViewOutbox(actor("admin"))).toBe(true);
    expect(canViewOutbox(actor("coordinator"))).toBe(true);
    expect(canViewOutbox(actor("goal_coordinator"))).toBe(false);
    expect(canViewOutbox(actor("partner", { institutionId: "i" }))).toBe(false);
    expect(canViewOutbox(actor("viewer"))).toBe(false);
  });
});

describe("days left and change against last year", () => {
  it("counts Warsaw days and says them in Polish", () => {
    expect(warsawDay(new Date("2021-12-31T23:30:00Z"))).toBe("2022-01-01");
    expect(daysUntil("2022-02-28", "2022-02-21")).toBe(7);
    expect(describeDaysLeft(1)).toBe("został 1 dzień");
    expect(describeDaysLeft(3)).toBe("zostały 3 dni");
    expect(describeDaysLeft(5)).toBe("zostało 5 dni");
    expect(describeDaysLeft(22)).toBe("zostały 22 dni");
    expect(describeDaysLeft(0)).toBe("termin mija dziś");
    expect(describeDaysLeft(-1)).toBe("1 dzień po terminie");
    // Grouped as Polish numbers are: a deadline set far ahead.
    expect(describeDaysLeft(26385)).toBe("zostało 26\u00A0385 dni");
  });

  it("needs an explanation beyond the threshold", () => {
    expect(yearChange(100, 151, 50)).toMatchObject({ percent: 51, needsExplanation: true });
    expect(yearChange(100, 150, 50)).toMatchObject({ percent: 50, needsExplanation: false });
    expect(yearChange(100, 40, 50)).toMatchObject({ percent: -60, needsExplanation: true });
    expect(yearChange(null, 40, 50).needsExplanation).toBe(false);
    expect(yearChange(0, 4, 50).needsExplanation).toBe(true);
  });
});
