// `busola tenant create`: a new municipality (tenant).
import { parseArgs } from "node:util";
import { UserInputError } from "../../domain/errors.ts";
import { createTenant, TENANT_KINDS } from "../../domain/tenants.ts";
import { withDatabase } from "../with-database.ts";

export async function tenantCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      teryt: { type: "string" },
      name: { type: "string" },
      slug: { type: "string" },
      kind: { type: "string" },
    },
  });
  const kind = (values.kind ?? "gmina_miejska") as keyof typeof TENANT_KINDS;
  if (!values.teryt || !values.name || !values.slug || !(kind in TENANT_KINDS)) {
    console.error(
      "Użycie: busola tenant create --teryt <7 cyfr> --name <nazwa> --slug <adres> [--kind <rodzaj>]",
    );
    return 2;
  }
  if (!/^\d{7}$/.test(values.teryt)) throw new UserInputError("Kod TERYT ma 7 cyfr, np. 2472011.");
  const tenant = await withDatabase((db) =>
    createTenant({ db, teryt: values.teryt!, name: values.name!, slug: values.slug!, kind }),
  );
  console.log(`Założono: ${tenant.name} (TERYT ${tenant.teryt}), adres /g/${tenant.slug}`);
  return 0;
}
