import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../../app/domain/actor.ts";
import {
  canArchive,
  canOpenArchive,
  canDeletePermanently,
  canAccessTenant,
  canAcknowledgeFinding,
  canEditContribution,
  canEditIndicatorValue,
  canEditProjectCard,
  canEditStrategy,
  canFinaliseReport,
  canImportReports,
  canManageMembers,
  canManagePopulation,
  canMapToDictionary,
  canPublish,
  canReadPublicPortal,
  canReportUnpublished,
  canReviewFindings,
  canViewContribution,
  canViewIndicatorValue,
  canViewComparison,
  canViewProjectCard,
} from "../../app/policies/index.ts";

const T = "tenant-1";
const actor = (
  role: Role | null,
  extra: Partial<NonNullable<Actor["membership"]>> & { sys?: boolean } = {},
): Actor => ({
  userId: "u",
  name: "U",
  isSystemAdmin: extra.sys ?? false,
  membership: role
    ? {
        tenantId: T,
        role,
        institutionId: extra.institutionId ?? null,
        goalIds: extra.goalIds ?? [],
      }
    : null,
});

const project = { goalId: "g1", institutionIds: ["A"], published: false };
const value = { goalId: "g1", contributorIds: ["A", "B"], published: false };

describe("policies", () => {
  it("importing reports and finalising the annual report are the coordinators'", () => {
    for (const check of [canImportReports, canFinaliseReport]) {
      expect(check(actor("admin"))).toBe(true);
      expect(check(actor("coordinator"))).toBe(true);
      expect(check(actor("goal_coordinator", { goalIds: ["g1"] }))).toBe(false);
      expect(check(actor("partner", { institutionId: "A" }))).toBe(false);
      expect(check(actor("viewer"))).toBe(false);
      expect(check(actor(null, { sys: true }))).toBe(true);
    }
    expect(canReportUnpublished(actor("goal_coordinator", { goalIds: ["g1"] }))).toBe(true);
    expect(canReportUnpublished(actor("viewer"))).toBe(false);
    expect(canReportUnpublished(actor("partner", { institutionId: "A" }))).toBe(false);
  });

  it("tenant access needs a membership there, or system administration", () => {
    expect(canAccessTenant(actor("viewer"), T)).toBe(true);
    expect(canAccessTenant(actor("viewer"), "other")).toBe(false);
    expect(canAccessTenant(actor(null), T)).toBe(false);
    expect(canAccessTenant(actor(null, { sys: true }), T)).toBe(true);
  });

  it("only administrators and coordinators edit the strategy; only administrators manage members", () => {
    expect(canEditStrategy(actor("coordinator"))).toBe(true);
    expect(canEditStrategy(actor("goal_coordinator"))).toBe(false);
    expect(canEditStrategy(actor("partner", { institutionId: "A" }))).toBe(false);
    expect(canManageMembers(actor("admin"))).toBe(true);
    expect(canManageMembers(actor("coordinator"))).toBe(false);
  });

  it("a partner views and edits only cards of projects of their institution, unless published", () => {
    const a = actor("partner", { institutionId: "A" });
    const b = actor("partner", { institutionId: "B" });
    expect(canViewProjectCard(a, project)).toBe(true);
    expect(canViewProjectCard(b, project)).toBe(false);
    expect(canViewProjectCard(b, { ...project, published: true })).toBe(true);
    expect(canEditProjectCard(a, project)).toBe(true);
    expect(canEditProjectCard(b, project)).toBe(false);
  });

  it("a goal coordinator edits cards and values of their goals only", () => {
    const gc = actor("goal_coordinator", { goalIds: ["g1"] });
    expect(canEditProjectCard(gc, project)).toBe(true);
    expect(canEditProjectCard(gc, { ...project, goalId: "g2" })).toBe(false);
    expect(canEditIndicatorValue(gc, value)).toBe(true);
    expect(canAcknowledgeFinding(gc, "g2")).toBe(false);
  });

  it("coordinators and goal coordinators work on findings in bulk; partners and viewers do not", () => {
    expect(canReviewFindings(actor("coordinator"))).toBe(true);
    expect(canReviewFindings(actor("goal_coordinator", { goalIds: ["g1"] }))).toBe(true);
    expect(canReviewFindings(actor("partner", { institutionId: "A" }))).toBe(false);
    expect(canReviewFindings(actor("viewer"))).toBe(false);
    expect(canReviewFindings(actor(null))).toBe(false);
  });

  it("a partner sees only their own contribution of an unpublished value, and edits only it", () => {
    const a = actor("partner", { institutionId: "A" });
    const c = actor("partner", { institutionId: "C" });
    expect(canViewIndicatorValue(a, value)).toBe(true);
    expect(canViewIndicatorValue(c, value)).toBe(false);
    expect(canViewContribution(a, value, "A")).toBe(true);
    expect(canViewContribution(a, value, "B")).toBe(false);
    expect(canViewContribution(a, { ...value, published: true }, "B")).toBe(true);
    expect(canEditContribution(a, value, "A")).toBe(true);
    expect(canEditContribution(a, value, "B")).toBe(false);
    expect(canEditIndicatorValue(a, value)).toBe(false);
    expect(canAcknowledgeFinding(a, "g1")).toBe(false);
  });

  it("a viewer reads everything and changes nothing", () => {
    const v = actor("viewer");
    expect(canViewProjectCard(v, project)).toBe(true);
    expect(canViewContribution(v, value, "B")).toBe(true);
    expect(canEditProjectCard(v, project)).toBe(false);
    expect(canEditContribution(v, value, "A")).toBe(false);
  });
});

describe("publication policies", () => {
  it("publishing is the coordinator's and the administrator's; reading the portal is anyone's", () => {
    expect(canPublish(actor("coordinator"))).toBe(true);
    expect(canPublish(actor("admin"))).toBe(true);
    expect(canPublish(actor(null, { sys: true }))).toBe(true);
    for (const role of ["goal_coordinator", "partner", "viewer", null] as const) {
      expect(canPublish(actor(role)), String(role)).toBe(false);
    }
    expect(canReadPublicPortal(null)).toBe(true);
    expect(canReadPublicPortal(actor("partner"))).toBe(true);
  });
});

describe("comparison policies", () => {
  it("population and the dictionary mapping are the coordinator's and the administrator's", () => {
    for (const check of [canManagePopulation, canMapToDictionary]) {
      expect(check(actor("admin"))).toBe(true);
      expect(check(actor("coordinator"))).toBe(true);
      expect(check(actor(null, { sys: true }))).toBe(true);
      expect(check(actor("goal_coordinator", { goalIds: ["g1"] }))).toBe(false);
      expect(check(actor("partner", { institutionId: "A" }))).toBe(false);
      expect(check(actor("viewer"))).toBe(false);
      expect(check(actor(null))).toBe(false);
    }
    expect(canViewComparison(null)).toBe(true);
    expect(canViewComparison(actor("viewer"))).toBe(true);
  });
});

describe("archive policies", () => {
  it("coordinators archive the strategy and institutions; only administrators members", () => {
    for (const kind of ["document", "goal", "direction", "project", "indicator"] as const) {
      expect(canArchive(actor("coordinator"), kind), kind).toBe(true);
      expect(canArchive(actor("goal_coordinator", { goalIds: ["g1"] }), kind), kind).toBe(false);
      expect(canArchive(actor("viewer"), kind), kind).toBe(false);
    }
    expect(canArchive(actor("coordinator"), "institution")).toBe(true);
    expect(canArchive(actor("partner", { institutionId: "A" }), "institution")).toBe(false);
    expect(canArchive(actor("admin"), "member")).toBe(true);
    expect(canArchive(actor("coordinator"), "member")).toBe(false);
  });

  it("deleting for good is the administrator's alone", () => {
    expect(canDeletePermanently(actor("admin"), "project")).toBe(true);
    expect(canDeletePermanently(actor(null, { sys: true }), "member")).toBe(true);
    expect(canDeletePermanently(actor("coordinator"), "project")).toBe(false);
    expect(canDeletePermanently(actor("viewer"), "institution")).toBe(false);
  });

  it("the archive page is for whoever may archive something", () => {
    expect(canOpenArchive(actor("coordinator"))).toBe(true);
    expect(canOpenArchive(actor("admin"))).toBe(true);
    expect(canOpenArchive(actor("viewer"))).toBe(false);
    expect(canOpenArchive(actor("partner", { institutionId: "A" }))).toBe(false);
    expect(canOpenArchive(actor("goal_coordinator", { goalIds: ["g1"] }))).toBe(false);
  });
});
