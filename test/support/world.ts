// A small municipality for one test: strategy, two institutions, a project and a value with
// both institutions' contributions, and one user per role. Built with the demo factories.
import type { Database } from "../../app/db/client.ts";
import {
  makeCard,
  makeDirection,
  makeDocument,
  makeGoal,
  makeIndicator,
  makeInstitution,
  makeProject,
  makeTenant,
  makeUser,
  makeValue,
} from "../../app/demo/factories.ts";
import type { Role } from "../../app/domain/actor.ts";
import type { TenantScope } from "../../app/domain/scope.ts";
import { actorFor } from "./db.ts";

export async function buildWorld(database: Database) {
  const db = database.db;
  const tenant = await makeTenant(db);
  const instA = await makeInstitution(db, tenant.id, { name: "Instytucja A", shortName: "IA" });
  const instB = await makeInstitution(db, tenant.id, { name: "Instytucja B", shortName: "IB" });
  const doc = await makeDocument(db, tenant.id);
  const goal1 = await makeGoal(db, tenant.id, doc.id, { code: "C1", position: 1 });
  const goal2 = await makeGoal(db, tenant.id, doc.id, { code: "C2", position: 2 });
  const dir1 = await makeDirection(db, tenant.id, goal1.id, { code: "C1K1" });
  const dir2 = await makeDirection(db, tenant.id, goal2.id, { code: "C2K1" });
  const projectA = await makeProject(db, tenant.id, dir1.id, {
    symbol: "C1K1",
    title: "Projekt A",
    lead: instA.id,
  });
  const projectB = await makeProject(db, tenant.id, dir2.id, {
    symbol: "C2K1",
    title: "Projekt B",
    lead: instB.id,
  });
  const cardA = await makeCard(db, tenant.id, projectA.id, 2020, {
    goalText: "Cel A",
    effects: "Efekty A",
  });
  const cardB = await makeCard(db, tenant.id, projectB.id, 2020, {
    goalText: "Cel B",
    effects: "Efekty B",
  });
  const indicator = await makeIndicator(db, tenant.id, dir1.id, {
    name: "liczba osób objętych wsparciem",
    unit: "osoby",
  });
  const value = await makeValue(db, tenant.id, indicator.id, 2020, {
    total: 30,
    contributions: [
      { institutionId: instA.id, value: 10 },
      { institutionId: instB.id, value: 15 },
    ],
  });
  const user = async (role: Role, extra: { institutionId?: string; goalIds?: string[] } = {}) => {
    const u = await makeUser(db, { tenantId: tenant.id, role, ...extra, name: `Osoba ${role}` });
    return actorFor(u.id, tenant.id, role, extra);
  };
  const actors = {
    admin: await user("admin"),
    coordinator: await user("coordinator"),
    goalCoordinator: await user("goal_coordinator", { goalIds: [goal1.id] }),
    partnerA: await user("partner", { institutionId: instA.id }),
    partnerB: await user("partner", { institutionId: instB.id }),
    viewer: await user("viewer"),
  };
  const scope = (actor: keyof typeof actors): TenantScope => ({ db, tenant, actor: actors[actor] });
  return {
    tenant,
    instA,
    instB,
    doc,
    goal1,
    goal2,
    dir1,
    dir2,
    projectA,
    projectB,
    cardA,
    cardB,
    indicator,
    value,
    actors,
    scope,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
