// `busola admin create`: a system administrator.
import { parseArgs } from "node:util";
import { createUser, countSystemAdmins } from "../../domain/users.ts";
import { withDatabase } from "../with-database.ts";

export async function adminCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const password = values.password ?? process.env.BUSOLA_ADMIN_PASSWORD;
  if (!values.email || !values.name || !password) {
    console.error(
      "Użycie: busola admin create --email <e-mail> --name <imię i nazwisko> --password <hasło>",
    );
    return 2;
  }
  const { user, before } = await withDatabase(async (db) => {
    const before = await countSystemAdmins(db);
    const user = await createUser({
      db,
      email: values.email!,
      name: values.name!,
      password,
      isSystemAdmin: true,
    });
    return { user, before };
  });
  console.log(
    `Założono konto administratora ${user.email}${before === 0 ? " (pierwszy administrator)" : ""}.`,
  );
  return 0;
}
