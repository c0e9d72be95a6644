// `busola user add`: give a person a role in a municipality through the domain's addMember.
import { parseArgs } from "node:util";
import { UserInputError } from "../../domain/errors.ts";
import { ROLE_LABELS, ROLES, SYSTEM_ACTOR, type Role } from "../../domain/actor.ts";
import { listInstitutions } from "../../domain/institutions.ts";
import { addMember } from "../../domain/members.ts";
import { listStrategicGoals } from "../../domain/structure-context.ts";
import { findTenant } from "../../domain/tenants.ts";
import { withDatabase } from "../with-database.ts";

export async function userAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      institution: { type: "string" },
      goal: { type: "string" },
      password: { type: "string" },
    },
  });
  const role = values.role as Role;
  if (!values.tenant || !values.email || !values.name || !ROLES.includes(role)) {
    console.error(
      "Użycie: busola user add --tenant <adres|TERYT> --email <e-mail> --name <imię i nazwisko> --role <rola> [...] (role: busola help)",
    );
    return 2;
  }
  await withDatabase(async (db) => {
    const tenant = await findTenant(db, values.tenant!);
    if (!tenant)
      throw new UserInputError(
        `Nie ma gminy „${values.tenant}” (podaj adres lub kod TERYT; lista: busola list).`,
      );
    const scope = { db, tenant, actor: SYSTEM_ACTOR };
    const institution = values.institution
      ? (await listInstitutions({ scope })).find(
          (i) =>
            i.id === values.institution ||
            i.shortName === values.institution ||
            i.name === values.institution,
        )
      : null;
    if (values.institution && !institution)
      throw new UserInputError(`Nie ma instytucji „${values.institution}” w: ${tenant.name}.`);
    const goal = values.goal
      ? (await listStrategicGoals({ scope })).find((g) => g.code === values.goal)
      : null;
    if (values.goal && !goal)
      throw new UserInputError(`Nie ma celu strategicznego „${values.goal}” w: ${tenant.name}.`);
    await addMember({
      scope,
      email: values.email!,
      name: values.name!,
      password: values.password ?? process.env.BUSOLA_USER_PASSWORD ?? null,
      role,
      institutionId: institution?.id ?? null,
      goalIds: goal ? [goal.id] : [],
    });
  });
  console.log(`${values.email}: rola „${ROLE_LABELS[role]}” w ${values.tenant}.`);
  return 0;
}
