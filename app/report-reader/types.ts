// The proposed structure of an imported report: what the parser believes the document says,
// before a coordinator reviews it. Plain JSON (numbers as numbers or null) so that the same
// object can be printed by `busola import --dry-run --json`, stored as a draft, and shown on the
// review page without conversion.

export type SourceRef = {
  /** 1-based line number in the normalised text. */
  line: number;
  /** The source passage, whitespace-normalised, shown beside the item on the review page. */
  text: string;
};

export type ProjectStatus = "carried_out" | "not_carried_out" | "reported_elsewhere" | "finished";

export type ProjectFields = {
  goal: string | null;
  addressees: string | null;
  implementers: string | null;
  stages: string | null;
  effects: string | null;
  funding: string | null;
  timeframe: string | null;
};

export type BudgetPart = {
  source: string;
  amount: number | null;
  percent: number | null;
  /** A "w tym" sub-part: included in the part named `parentSource`, never added to the total. */
  ofWhich?: boolean;
  parentSource?: string;
};

export type ProposedBudget = { total: number | null; parts: BudgetPart[] };

export type ProposedProject = {
  symbol: string;
  title: string;
  goalCode: string | null;
  directionCode: string | null;
  status: ProjectStatus;
  /** Why the status is not "carried_out", in the document's words (reason, pointer, end). */
  statusReason: string | null;
  fields: ProjectFields;
  budget: ProposedBudget | null;
  source: SourceRef;
};

export type OfWhich = { label: string; value: number | null };

export type Contribution = {
  institution: string;
  value: number | null;
  approximate: boolean;
  /** "w tym" sub-breakdown: part of `value`, never added to the indicator total. */
  ofWhich: OfWhich[];
};

export type ProposedIndicator = {
  name: string;
  unit: string | null;
  value: number | null;
  approximate: boolean;
  target: number | null;
  goalCode: string | null;
  directionCode: string | null;
  projectSymbol: string | null;
  contributions: Contribution[];
  /** A value per year when the table has a column per year; `value` is the latest year's. */
  values?: { year: number; value: number | null; approximate: boolean }[];
  remarks: string | null;
  /** A split of `value` (e.g. by sex: "K- 9, M- 15, ogółem 24"), part of it, not added to it. */
  breakdowns?: { dimension: "sex"; label: string; value: number }[];
  /** Polish notes for the reviewer: what the parser could not read for sure in this row. */
  uncertain: string[];
  source: SourceRef;
};

export type ProposedDirection = { code: string; title: string; actionLines: string[] };

export type ProposedGoal = {
  code: string;
  title: string;
  coordinator: string | null;
  directions: ProposedDirection[];
};

export type ImportProposal = {
  document: {
    /** strategy_report | program_report | activity_report | project_page | report */
    kind: string;
    title: string | null;
    /** In the nominative, as the TERC register names it. */
    municipality: string | null;
    /** The municipality's 7-digit TERYT code from the shipped TERC register. */
    teryt?: string | null;
    /** Which program a program report is about: family_support, violence_prevention, … */
    program?: string | null;
    /** The period of the reported strategy or program ("na lata 2014-2021"). */
    period?: { start: number; end: number } | null;
    /** The adopting resolution: number, ISO date, body in the nominative. */
    resolution?: { number: string; date: string | null; body: string | null } | null;
    year: number | null;
  };
  goals: ProposedGoal[];
  projects: ProposedProject[];
  indicators: ProposedIndicator[];
  nextYearProjects: { symbol: string | null; title: string }[];
  /**
   * Documents the report names with their adopting act (the programs implementing a strategy),
   * proposed as linked documents. Absent in drafts made before it existed.
   */
  namedDocuments?: NamedDocument[];
  /** Polish, for the review page: what could not be parsed for sure. */
  warnings: string[];
};

import type { NamedDocument } from "./named-documents.ts";
