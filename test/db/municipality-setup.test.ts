// A new municipality from the interface (import issue, item 9): only the system administrator
// creates one; TERYT and address are checked and unique, with Polish messages at the field; the
// new municipality's audit trail starts with its creation.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../app/db/schema.ts";
import type { Actor } from "../../app/domain/actor.ts";
import { ForbiddenError, UserInputError } from "../../app/domain/errors.ts";
import { createMunicipality } from "../../app/domain/municipality-setup.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

const admin: Actor = { userId: "", name: "Administrator", isSystemAdmin: true, membership: null };

describe.each(engines())("creating a municipality on %s", (engine) => {
  const database = useDatabase(engine);

  it("by the system administrator, with unique TERYT and address, audited", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    const unique = String(Date.now() % 1e7).padStart(7, "0");
    const fields = {
      teryt: unique,
      name: "Gmina Próbna",
      slug: `gmina-probna-${unique}`,
      kind: "gmina_wiejska" as const,
      welfareCentreName: "Gminny Ośrodek Pomocy Społecznej w Próbnej",
    };
    await expect(
      createMunicipality({ db, actor: w.actors.coordinator, fields }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const tenant = await createMunicipality({ db, actor: admin, fields });
    expect(tenant).toMatchObject({ teryt: unique, slug: fields.slug, name: "Gmina Próbna" });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, tenant.id));
    expect(audit).toMatchObject([{ entityType: "tenant", action: "create", before: null }]);

    const refused = async (f: Partial<typeof fields>) => {
      const e = await createMunicipality({ db, actor: admin, fields: { ...fields, ...f } }).catch(
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(UserInputError);
      return e as UserInputError;
    };
    expect(await refused({ slug: "inna-gmina-xyz" })).toMatchObject({
      field: "teryt",
      message: expect.stringContaining("Gmina Próbna"),
    });
    const otherTeryt = String((Number(unique) + 1) % 1e7).padStart(7, "0");
    expect(await refused({ teryt: otherTeryt })).toMatchObject({ field: "slug" });
    expect(await refused({ teryt: "12345" })).toMatchObject({ field: "teryt" });
    expect(await refused({ teryt: otherTeryt, slug: "Ruda Śląska" })).toMatchObject({
      field: "slug",
    });
  });
});
