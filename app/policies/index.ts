// Named authorization policies. Each is a pure function of the actor and the facts about the
// resource that matter; loaders and actions call them, domain functions call them again
// where data is filtered (partners see only their institution's unpublished rows).
// Their own tests live in test/unit/policies.test.ts.
import type { Actor, Role } from "../domain/actor.ts";
import { ForbiddenError, NotFoundError } from "../domain/errors.ts";

function role(actor: Actor): Role | null {
  return actor.membership?.role ?? null;
}

function isManager(actor: Actor): boolean {
  const r = role(actor);
  return actor.isSystemAdmin || r === "admin" || r === "coordinator";
}

function coordinatesGoal(actor: Actor, goalId: string | null | undefined): boolean {
  return (
    role(actor) === "goal_coordinator" && !!goalId && actor.membership!.goalIds.includes(goalId)
  );
}

/** The institution a partner reports for; null for every other role. */
export function ownInstitution(actor: Actor): string | null {
  return role(actor) === "partner" ? (actor.membership?.institutionId ?? null) : null;
}

/** Any access to a municipality at all. Everything else presupposes it. */
export function canAccessTenant(actor: Actor, tenantId: string): boolean {
  return actor.isSystemAdmin || actor.membership?.tenantId === tenantId;
}

/** The structure of documents, goals, directions, project and indicator names. */
export function canViewStrategy(actor: Actor): boolean {
  return actor.isSystemAdmin || actor.membership !== null;
}

export function canEditStrategy(actor: Actor): boolean {
  return isManager(actor);
}

/** Importing a report creates and changes the strategy's structure and a year's data. */
export function canImportReports(actor: Actor): boolean {
  return isManager(actor);
}

export function canManageInstitutions(actor: Actor): boolean {
  return isManager(actor);
}

export function canManageMembers(actor: Actor): boolean {
  return actor.isSystemAdmin || role(actor) === "admin";
}

export type ProjectFacts = { goalId: string; institutionIds: string[]; published: boolean };

export function canViewProjectCard(actor: Actor, p: ProjectFacts): boolean {
  if (!canViewStrategy(actor)) return false;
  const own = ownInstitution(actor);
  if (role(actor) === "partner") return p.published || (!!own && p.institutionIds.includes(own));
  return true;
}

export function canEditProjectCard(actor: Actor, p: Omit<ProjectFacts, "published">): boolean {
  if (isManager(actor) || coordinatesGoal(actor, p.goalId)) return true;
  const own = ownInstitution(actor);
  return !!own && p.institutionIds.includes(own);
}

export type ValueFacts = { goalId: string; contributorIds: string[]; published: boolean };

export function canViewIndicatorValue(actor: Actor, v: ValueFacts): boolean {
  if (!canViewStrategy(actor)) return false;
  const own = ownInstitution(actor);
  if (role(actor) === "partner") return v.published || (!!own && v.contributorIds.includes(own));
  return true;
}

/** Whether the actor may see one institution's contribution to a value. */
export function canViewContribution(actor: Actor, v: ValueFacts, institutionId: string): boolean {
  if (!canViewIndicatorValue(actor, v)) return false;
  if (role(actor) === "partner" && !v.published) return ownInstitution(actor) === institutionId;
  return true;
}

/** The total, remarks, breakdowns of the total, and adding contributors. */
export function canEditIndicatorValue(actor: Actor, v: Pick<ValueFacts, "goalId">): boolean {
  return isManager(actor) || coordinatesGoal(actor, v.goalId);
}

export function canEditContribution(
  actor: Actor,
  v: Pick<ValueFacts, "goalId">,
  institutionId: string,
): boolean {
  if (canEditIndicatorValue(actor, v)) return true;
  return ownInstitution(actor) === institutionId;
}

/**
 * Whether a generated report may contain unpublished cards and values (a draft for review).
 * Everyone else — viewers, partners — gets a report of published data only, whatever
 * single cards they may open.
 */
/** Marking a report final is the coordinator's: it is what goes to the council. */
export function canFinaliseReport(actor: Actor): boolean {
  return isManager(actor);
}

export function canReportUnpublished(actor: Actor): boolean {
  return isManager(actor) || role(actor) === "goal_coordinator";
}

export function canAcknowledgeFinding(actor: Actor, goalId: string): boolean {
  return isManager(actor) || coordinatesGoal(actor, goalId);
}

/** The page of a report's open findings, worked on many at once (a goal coordinator: their goals). */
export function canReviewFindings(actor: Actor): boolean {
  return isManager(actor) || role(actor) === "goal_coordinator";
}

/** Seeing the reporting rounds and their completeness (a goal coordinator: their goals only). */
export function canViewRounds(actor: Actor): boolean {
  return isManager(actor) || role(actor) === "goal_coordinator";
}

/** Opening a round, changing who reports what, inviting partners, reminders, reopening. */
export function canManageRounds(actor: Actor): boolean {
  return isManager(actor);
}

export type AssignmentFacts = { goalId: string; institutionId: string };

/** Accepting or returning a submitted item: the coordinator, or the goal's coordinator. */
export function canReviewAssignment(actor: Actor, a: AssignmentFacts): boolean {
  return isManager(actor) || coordinatesGoal(actor, a.goalId);
}

/** Filling in and submitting an item: only a partner of the institution it is assigned to. */
export function canWorkOnAssignment(actor: Actor, a: AssignmentFacts): boolean {
  const own = ownInstitution(actor);
  return !!own && own === a.institutionId;
}

/** A partner's own round workbook (download, upload, confirmation): partners only. */
export function canUseOwnWorkbook(actor: Actor): boolean {
  return !!ownInstitution(actor);
}

/** Acting for an institution in a round: its partners, and coordinators who help one. */
export function canActForInstitution(actor: Actor, institutionId: string): boolean {
  const own = ownInstitution(actor);
  if (own) return own === institutionId;
  return role(actor) !== "partner" && canEditStrategy(actor);
}

/** Saving contributions as an institution's own (decision 018): only that institution's partners. */
export function canSaveAsInstitution(actor: Actor, institutionId: string): boolean {
  return ownInstitution(actor) === institutionId;
}

/**
 * The outbox: who was sent what and whether it arrived, and sending a failed message again.
 * Managers of the municipality; single-use links in it are redacted for every reader.
 */
export function canViewOutbox(actor: Actor): boolean {
  return isManager(actor);
}

/**
 * Publishing a document's year to the public portal, withdrawing a publication and the public
 * pages' settings: the coordinator's decision, like marking a report final (decision 030).
 */
export function canPublish(actor: Actor): boolean {
  return isManager(actor);
}

/** Seeing the register of publications in the staff app (every version, withdrawn included). */
export function canViewPublications(actor: Actor): boolean {
  return canViewStrategy(actor);
}

/**
 * The public portal: anyone, signed in or not, reads published snapshots only — which is why
 * the answer does not depend on the actor (decision 030).
 */
export function canReadPublicPortal(_actor: Actor | null): boolean {
  return true;
}

/** Throws the right error: 404 when the actor may not even know it exists, 403 otherwise. */
export function authorize(allowed: boolean, opts: { hide?: boolean } = {}): void {
  if (allowed) return;
  throw opts.hide ? new NotFoundError() : new ForbiddenError();
}

/** A new municipality on the installation: the system administrator only. */
export function canCreateMunicipality(actor: Pick<Actor, "isSystemAdmin">): boolean {
  return actor.isSystemAdmin;
}

/** The installation's own state (backups): the system administrator only. */
export function canViewInstallationStatus(actor: Pick<Actor, "isSystemAdmin">): boolean {
  return actor.isSystemAdmin;
}

/** The figures of a municipality's home page (each read filters further, as the pages do). */
export function canViewDashboard(actor: Actor): boolean {
  return canViewStrategy(actor);
}

/** A goal coordinator's dashboard counts their goals only; everyone else's, every goal. */
export function canViewGoalOnDashboard(actor: Actor, goalId: string): boolean {
  if (role(actor) === "goal_coordinator") return coordinatesGoal(actor, goalId);
  return canViewDashboard(actor);
}

/** The dashboard's data as CSV or XLSX: whoever may see the dashboard. */
export function canExportDashboard(actor: Actor): boolean {
  return canViewDashboard(actor);
}

/**
 * The explorer (/g/:tenant/analiza): whoever may see the strategy; what each value shows is
 * filtered further by canViewIndicatorValue and canViewContribution, as on the indicator page.
 */
export function canUseExplorer(actor: Actor): boolean {
  return canViewStrategy(actor);
}

/** Which indicator reports which code of the dictionary of common indicators (decision 055). */
export function canMapToDictionary(actor: Actor): boolean {
  return isManager(actor);
}

/**
 * The municipality's population by year (what the comparison's "per 1,000 residents" divides
 * by): its coordinator or administrator, or the system administrator (decision 057).
 */
export function canManagePopulation(actor: Actor): boolean {
  return isManager(actor);
}

/** The comparison between municipalities is made of published data only: anyone may read it. */
export function canViewComparison(actor: Actor | null): boolean {
  return canReadPublicPortal(actor);
}

/** The kinds of item that are archived and restored (decision 070). */
export type ArchiveKind =
  "document" | "goal" | "direction" | "project" | "indicator" | "institution" | "member";

/** Archiving and restoring: members are the administrator's, the rest the coordinators'. */
export function canArchive(actor: Actor, kind: ArchiveKind): boolean {
  if (kind === "member") return canManageMembers(actor);
  if (kind === "institution") return canManageInstitutions(actor);
  return canEditStrategy(actor);
}

const ARCHIVE_KINDS: readonly ArchiveKind[] = [
  "document",
  "goal",
  "direction",
  "project",
  "indicator",
  "institution",
  "member",
];

/** The page "Zarchiwizowane" and its menu item: for whoever may archive any kind of item. */
export function canOpenArchive(actor: Actor): boolean {
  return ARCHIVE_KINDS.some((kind) => canArchive(actor, kind));
}

/**
 * Deleting for good an item that was never used: the municipality's administrator (or the
 * system administrator) only; everyone else who may archive archives.
 */
export function canDeletePermanently(actor: Actor, kind: ArchiveKind): boolean {
  return canArchive(actor, kind) && (actor.isSystemAdmin || role(actor) === "admin");
}
