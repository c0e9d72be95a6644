// A new municipality from the interface (import issue, item 9): the system administrator enters
// its TERYT code, name, kind and address; the audit trail of the new municipality starts with
// its own creation. The first coordinator is then added on its members page.
import { eq, or } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { tenants } from "../db/schema.ts";
import { authorize, canCreateMunicipality } from "../policies/index.ts";
import type { Actor } from "./actor.ts";
import { recordChange } from "./audit.ts";
import { UserInputError } from "./errors.ts";
import type { Tenant } from "./scope.ts";
import type { TENANT_KINDS } from "./tenants.ts";
import { createTenant } from "./tenants.ts";

export type MunicipalityFields = {
  teryt: string;
  name: string;
  slug: string;
  kind: keyof typeof TENANT_KINDS;
  welfareCentreName: string | null;
};

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export async function createMunicipality(opts: {
  db: DbOrTx;
  actor: Actor;
  fields: MunicipalityFields;
}): Promise<Tenant> {
  authorize(canCreateMunicipality(opts.actor));
  const f = opts.fields;
  if (!/^\d{7}$/u.test(f.teryt))
    throw new UserInputError("Kod TERYT ma 7 cyfr, np. 2472011 (Ruda Śląska).", "teryt");
  if (!SLUG_PATTERN.test(f.slug))
    throw new UserInputError(
      "Adres może zawierać małe litery bez polskich znaków, cyfry i łączniki, np. ruda-slaska.",
      "slug",
    );
  return opts.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ teryt: tenants.teryt, slug: tenants.slug, name: tenants.name })
      .from(tenants)
      .where(or(eq(tenants.teryt, f.teryt), eq(tenants.slug, f.slug)));
    if (taken?.teryt === f.teryt)
      throw new UserInputError(`Gmina o kodzie TERYT ${f.teryt} już jest: ${taken.name}.`, "teryt");
    if (taken) throw new UserInputError(`Adres „${f.slug}” ma już gmina ${taken.name}.`, "slug");
    const tenant = await createTenant({
      db: tx,
      teryt: f.teryt,
      slug: f.slug,
      name: f.name,
      kind: f.kind,
      welfareCentreName: f.welfareCentreName ?? undefined,
    });
    await recordChange(
      { db: tx, tenant, actor: opts.actor },
      {
        entityType: "tenant",
        entityId: tenant.id,
        action: "create",
        before: null,
        after: { ...f },
      },
    );
    return tenant;
  });
}
