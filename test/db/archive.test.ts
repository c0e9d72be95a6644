import { describe, expect, it } from "vitest";
import { listHistory } from "../../app/domain/audit.ts";
import {
  archiveDirection,
  archiveDocument,
  archiveGoal,
  archiveIndicator,
  archiveInstitution,
  archiveMember,
  archiveProject,
  deleteDirection,
  deleteInstitution,
  deleteMember,
  deleteProject,
  listArchived,
  restoreDocument,
  restoreGoal,
  restoreIndicator,
  restoreInstitution,
  restoreMember,
  restoreProject,
} from "../../app/domain/archive/index.ts";
import { ConflictError, ForbiddenError, UserInputError } from "../../app/domain/errors.ts";
import { listInstitutions } from "../../app/domain/institutions.ts";
import { addMember, listMembers } from "../../app/domain/members.ts";
import { findTenantWithActor, listTenantsForUser, loadActor } from "../../app/domain/tenants.ts";
import { canAccessTenant } from "../../app/policies/index.ts";
import { readReportData } from "../../app/domain/report-data/load.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import { searchTenant } from "../../app/domain/search.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { makeDirection, makeInstitution, makeProject, makeUser } from "../../app/demo/factories.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("archive and restore on %s", (engine) => {
  const database = useDatabase(engine);

  it("archives a project with a reason: it leaves the tree and search, the report keeps it", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const archived = await archiveProject({
      scope,
      id: w.projectA.id,
      expectedVersion: w.projectA.version,
      reason: "Projekt zakończony",
    });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    const tree = await getStrategyTree({ scope, documentId: w.doc.id, year: 2020 });
    const projectIds = tree.flatMap((g) =>
      g.directions.flatMap((d) => d.projects.map((p) => p.id)),
    );
    expect(projectIds).not.toContain(w.projectA.id);
    expect(projectIds).toContain(w.projectB.id);
    const found = await searchTenant({ scope, query: w.projectA.title });
    expect(found.projects.map((p) => p.id)).not.toContain(w.projectA.id);
    // A report of a past year still holds the archived project.
    const report = await readReportData({ scope, documentId: w.doc.id, year: 2020 });
    expect(JSON.stringify(report)).toContain(w.projectA.title);
    expect((await listArchived({ scope })).map((i) => i.id)).toContain(w.projectA.id);

    const [entry] = await listHistory({ scope, entityIds: [w.projectA.id] });
    expect(entry!.action).toBe("archive");
    expect(entry!.userName).toBe("Osoba coordinator");
    expect(entry!.changes).toContainEqual({
      field: "reason",
      before: null,
      after: "Projekt zakończony",
    });
    expect(entry!.changes.find((c) => c.field === "archivedAt")!.before).toBeNull();

    const restored = await restoreProject({
      scope,
      id: w.projectA.id,
      expectedVersion: archived.version,
      reason: "Omyłkowo zarchiwizowany",
    });
    expect(restored.archivedAt).toBeNull();
    const again = await getStrategyTree({ scope, documentId: w.doc.id, year: 2020 });
    expect(
      again.flatMap((g) => g.directions.flatMap((d) => d.projects.map((p) => p.id))),
    ).toContain(w.projectA.id);
    const history = await listHistory({ scope, entityIds: [w.projectA.id] });
    expect(history.slice(0, 2).map((h) => h.action)).toEqual(["restore", "archive"]);
  });

  it("refuses an archive over a stale version, without a reason, or by a viewer", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    await expect(
      archiveProject({ scope, id: w.projectA.id, expectedVersion: 99, reason: "x" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      archiveProject({
        scope,
        id: w.projectA.id,
        expectedVersion: w.projectA.version,
        reason: " ",
      }),
    ).rejects.toMatchObject({ field: "reason" });
    await expect(
      archiveProject({
        scope: w.scope("viewer"),
        id: w.projectA.id,
        expectedVersion: w.projectA.version,
        reason: "x",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      restoreProject({
        scope,
        id: w.projectA.id,
        expectedVersion: w.projectA.version,
        reason: "x",
      }),
    ).rejects.toBeInstanceOf(UserInputError);
  });

  it("archives and restores documents, goals, directions and indicators", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const ind = await archiveIndicator({
      scope,
      id: w.indicator.id,
      expectedVersion: w.indicator.version,
      reason: "Wskaźnik nieaktualny",
    });
    const tree = await getStrategyTree({ scope, documentId: w.doc.id, year: 2020 });
    const indicatorIds = tree.flatMap((g) =>
      g.directions.flatMap((d) => d.indicators.map((i) => i.id)),
    );
    expect(indicatorIds).not.toContain(w.indicator.id);
    await restoreIndicator({ scope, id: ind.id, expectedVersion: ind.version, reason: "Wraca" });

    const goal = await archiveGoal({
      scope,
      id: w.goal2.id,
      expectedVersion: w.goal2.version,
      reason: "Cel zrealizowany",
    });
    const withoutGoal = await getStrategyTree({ scope, documentId: w.doc.id, year: 2020 });
    expect(withoutGoal.map((g) => g.id)).toEqual([w.goal1.id]);
    await restoreGoal({ scope, id: goal.id, expectedVersion: goal.version, reason: "Wraca" });

    await archiveDirection({
      scope,
      id: w.dir2.id,
      expectedVersion: w.dir2.version,
      reason: "Kierunek połączony",
    });
    const doc = await archiveDocument({
      scope,
      id: w.doc.id,
      expectedVersion: w.doc.version,
      reason: "Dokument wygasł",
    });
    const kinds = (await listArchived({ scope })).map((i) => i.kind).sort();
    expect(kinds).toEqual(["direction", "document"]);
    await restoreDocument({ scope, id: doc.id, expectedVersion: doc.version, reason: "Wraca" });
    const history = await listHistory({ scope, entityIds: [w.doc.id] });
    expect(history[0]!.action).toBe("restore");
  });

  it("archives an institution: it leaves the lists, a value still names it", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const inst = await archiveInstitution({
      scope,
      id: w.instB.id,
      expectedVersion: w.instB.version,
      reason: "Instytucja zlikwidowana",
    });
    expect((await listInstitutions({ scope })).map((i) => i.id)).toEqual([w.instA.id]);
    expect((await listInstitutions({ scope, archived: true })).map((i) => i.id)).toEqual([
      w.instB.id,
    ]);
    expect((await listInstitutions({ scope, archived: "all" })).length).toBe(2);
    const found = await searchTenant({ scope, query: "Instytucja" });
    expect(found.institutions.map((i) => i.id)).toEqual([w.instA.id]);
    await expect(
      restoreInstitution({ scope, id: inst.id, expectedVersion: 1, reason: "x" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await restoreInstitution({
      scope,
      id: inst.id,
      expectedVersion: inst.version,
      reason: "Wraca",
    });
    expect((await listInstitutions({ scope })).length).toBe(2);
  });

  it("archives and restores a member; the administrator's own access is refused", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("admin");
    const before = await listMembers({ scope });
    const viewer = before.find((m) => m.name === "Osoba viewer")!;
    await archiveMember({ scope, membershipId: viewer.membershipId, reason: "Odejście z pracy" });
    // An archived access opens nothing: no membership in the municipality, no entry in its list.
    const session = {
      sessionId: "s",
      userId: viewer.userId,
      email: viewer.email,
      name: viewer.name,
      isSystemAdmin: false,
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    const archivedActor = await loadActor(database.get().db, session, w.tenant.id);
    expect(archivedActor.membership).toBeNull();
    expect(canAccessTenant(archivedActor, w.tenant.id)).toBe(false);
    const found = await findTenantWithActor(database.get().db, w.tenant.slug, session);
    expect(found!.actor.membership).toBeNull();
    expect(await listTenantsForUser(database.get().db, session)).toEqual([]);
    // Granting it again is refused with the way back named.
    await expect(
      addMember({
        scope,
        email: viewer.email,
        name: viewer.name,
        password: null,
        role: "viewer",
        institutionId: null,
        goalIds: [],
      }),
    ).rejects.toThrow(/w archiwum: przywróć/);
    expect((await listMembers({ scope })).map((m) => m.membershipId)).not.toContain(
      viewer.membershipId,
    );
    await expect(
      archiveMember({ scope, membershipId: viewer.membershipId, reason: "znowu" }),
    ).rejects.toBeInstanceOf(ConflictError);
    const self = before.find((m) => m.name === "Osoba admin")!;
    await expect(
      archiveMember({ scope, membershipId: self.membershipId, reason: "x" }),
    ).rejects.toBeInstanceOf(UserInputError);
    await expect(
      archiveMember({
        scope: w.scope("coordinator"),
        membershipId: viewer.membershipId,
        reason: "x",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await restoreMember({ scope, membershipId: viewer.membershipId, reason: "Powrót" });
    expect((await listMembers({ scope })).length).toBe(before.length);
    const back = await loadActor(database.get().db, session, w.tenant.id);
    expect(back.membership?.role).toBe("viewer");
    const history = await listHistory({ scope, entityIds: [viewer.membershipId] });
    expect(history.slice(0, 2).map((h) => h.action)).toEqual(["restore", "archive"]);
  });

  it("deletes for good only what was never used", async () => {
    const db = database.get().db;
    const w = await buildWorld(database.get());
    const scope = w.scope("admin");
    // A used project (it has a card) is refused, with the way out named.
    const refusal = await deleteProject({
      scope,
      id: w.projectA.id,
      expectedVersion: w.projectA.version,
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UserInputError);
    expect((refusal as Error).message).toMatch(/karty sprawozdań \(1\).*zarchiwizuj/);
    await expect(
      deleteInstitution({ scope, id: w.instA.id, expectedVersion: w.instA.version }),
    ).rejects.toBeInstanceOf(UserInputError);
    await expect(
      deleteDirection({ scope, id: w.dir1.id, expectedVersion: w.dir1.version }),
    ).rejects.toBeInstanceOf(UserInputError);
    // A coordinator archives but does not delete.
    const unused = await makeInstitution(db, w.tenant.id, { name: "Nieużywana" });
    await expect(
      deleteInstitution({
        scope: w.scope("coordinator"),
        id: unused.id,
        expectedVersion: unused.version,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      deleteInstitution({ scope, id: unused.id, expectedVersion: 7 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await deleteInstitution({ scope, id: unused.id, expectedVersion: unused.version });
    expect((await listInstitutions({ scope, archived: "all" })).length).toBe(2);
    const [entry] = await listHistory({ scope, entityIds: [unused.id] });
    expect(entry!.action).toBe("delete");
    expect(entry!.changes).toContainEqual({ field: "name", before: "Nieużywana", after: null });

    const dir = await makeDirection(db, w.tenant.id, w.goal1.id, { code: "C1K9" });
    const project = await makeProject(db, w.tenant.id, dir.id, { symbol: "C1K9", title: "Pusty" });
    await deleteProject({ scope, id: project.id, expectedVersion: project.version });
    await deleteDirection({ scope, id: dir.id, expectedVersion: dir.version });

    const newcomer = await makeUser(db, { tenantId: w.tenant.id, role: "viewer", name: "Nowa" });
    const member = (await listMembers({ scope })).find((m) => m.userId === newcomer.id)!;
    await deleteMember({ scope, membershipId: member.membershipId });
    expect((await listMembers({ scope })).map((m) => m.userId)).not.toContain(newcomer.id);
  });

  it("opening a round proposes no task for an archived project or indicator", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    await archiveProject({
      scope,
      id: w.projectA.id,
      expectedVersion: w.projectA.version,
      reason: "Projekt zakończony",
    });
    await archiveIndicator({
      scope,
      id: w.indicator.id,
      expectedVersion: w.indicator.version,
      reason: "Wskaźnik nieaktualny",
    });
    const round = await openRound({
      scope,
      documentId: w.doc.id,
      year: 2021,
      deadline: "2099-02-28",
      remindBefore: [7],
      remindAfter: [1],
      changeThreshold: 50,
    });
    const { assignments } = await getRound({ scope, roundId: round.id });
    // Without the archive, the proposal would hold both projects' cards and both institutions'
    // contributions to the indicator (2020); only project B's card is left.
    expect(assignments.map((a) => [a.kind, a.projectId, a.indicatorId, a.institutionId])).toEqual([
      ["card", w.projectB.id, null, w.instB.id],
    ]);
  });

  it("opening a round proposes nothing under an archived goal", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    await archiveGoal({
      scope,
      id: w.goal1.id,
      expectedVersion: w.goal1.version,
      reason: "Cel zrealizowany",
    });
    const round = await openRound({
      scope,
      documentId: w.doc.id,
      year: 2021,
      deadline: "2099-02-28",
      remindBefore: [7],
      remindAfter: [1],
      changeThreshold: 50,
    });
    const { assignments } = await getRound({ scope, roundId: round.id });
    expect(assignments.map((a) => a.projectId)).toEqual([w.projectB.id]);
  });
});
