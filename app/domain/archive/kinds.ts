// The seven kinds of item that can be archived (decision 070): their tables, their names in the
// audit trail and the Polish words for messages.
import {
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  projects,
  strategicGoals,
} from "../../db/schema.ts";
import type { EntityType } from "../audit.ts";
import { UserInputError } from "../errors.ts";
import type { ArchiveKind } from "../../policies/index.ts";

export type { ArchiveKind } from "../../policies/index.ts";

/** The six kinds that carry a version; a membership has none (it is checked by its state). */
export const VERSIONED_KINDS = {
  document: { table: planDocuments, entityType: "plan_document" },
  goal: { table: strategicGoals, entityType: "strategic_goal" },
  direction: { table: operationalGoals, entityType: "operational_goal" },
  project: { table: projects, entityType: "project" },
  indicator: { table: indicators, entityType: "indicator" },
  institution: { table: institutions, entityType: "institution" },
} as const satisfies Record<
  Exclude<ArchiveKind, "member">,
  { table: unknown; entityType: EntityType }
>;

export type VersionedKind = keyof typeof VERSIONED_KINDS;

/** "Dokument", "Cel" … as the subject of a message. */
export const KIND_NAMES: Record<ArchiveKind, string> = {
  document: "Dokument",
  goal: "Cel strategiczny",
  direction: "Kierunek działań",
  project: "Projekt",
  indicator: "Wskaźnik",
  institution: "Instytucja",
  member: "Osoba",
};

/** The reason is required and kept in the audit entry. */
export function requireReason(reason: string): string {
  const text = reason.trim();
  if (!text) throw new UserInputError("Podaj powód archiwizacji.", "reason");
  return text;
}
