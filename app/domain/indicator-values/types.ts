// The shapes of indicator values: a value with its contributions and breakdowns, and the input of a save.
import type { indicatorValues, indicators } from "../../db/schema.ts";
import { type ValueFacts } from "../../policies/index.ts";
import { type TenantScope } from "../scope.ts";
import { type BreakdownInput, type Finding } from "../validation/index.ts";

export type Breakdown = {
  dimension: BreakdownInput["dimension"];
  label: string;
  value: number | null;
};

export type Contribution = {
  id: string;
  institutionId: string;
  institutionName: string;
  institutionShort: string | null;
  value: number | null;
  approximate: boolean;
  note: string | null;
  /** What a partner's form carries: its save is checked against this, not the value's version. */
  version: number;
  breakdowns: Breakdown[];
};

export type IndicatorValueRow = typeof indicatorValues.$inferSelect;

export type ValueBundle = {
  value: IndicatorValueRow;
  facts: ValueFacts;
  visible: boolean;
  /** When false, the total and other institutions' contributions are withheld from this actor. */
  complete: boolean;
  contributions: Contribution[];
  breakdowns: Breakdown[];
  findings: Finding[];
};

export type IndicatorRow = typeof indicators.$inferSelect;

export type ContributionInput = {
  institutionId: string;
  value: number | null;
  approximate: boolean;
  note: string | null;
};

export type SaveValueInput = {
  scope: TenantScope;
  indicatorId: string;
  year: number;
  /** The version the form was based on; null when the value did not exist yet. */
  expectedVersion: number | null;
  total?: number | null;
  /** Why an explicit total differs from the sum of contributions (coordinators only). */
  totalReason?: string | null;
  approximate?: boolean;
  remarks?: string | null;
  contributions: ContributionInput[];
  /**
   * When given, replaces the breakdowns the actor may edit: of the total (institutionId null,
   * managers only) and of contributions (their institution's own, for a partner).
   */
  breakdowns?: BreakdownRowInput[];
  /**
   * A partner's save of its own institution's contribution, based on the version of that
   * contribution the form showed (null: the institution had not reported yet). When given, the
   * value's version is not checked: another institution's save in between is no conflict,
   * another save of the same contribution is. See docs/decisions/018.
   */
  expectedContributionVersion?: number | null;
};

export type BreakdownRowInput = Breakdown & { institutionId: string | null };
