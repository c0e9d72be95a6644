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
      "Usage: busola user add --tenant <slug|TERYT> --email <e-mail> --name <name> --role <role> [...]",
    );
    return 2;
  }
  await withDatabase(async (db) => {
    const tenant = await findTenant(db, values.tenant!);
    if (!tenant) throw new UserInputError(`No municipality "${values.tenant}".`);
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
      throw new UserInputError(`No institution "${values.institution}" in ${tenant.name}.`);
    const goal = values.goal
      ? (await listStrategicGoals({ scope })).find((g) => g.code === values.goal)
      : null;
    if (values.goal && !goal)
      throw new UserInputError(`No strategic goal "${values.goal}" in ${tenant.name}.`);
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
  console.log(`${values.email} is now ${ROLE_LABELS[role]} in ${values.tenant}.`);
  return 0;
}
