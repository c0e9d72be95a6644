// The scope a demo account works in, as a signed-in request would build it: for tests of the
// demo data, which address its municipalities and people by slug and e-mail.
import { eq } from "drizzle-orm";
import type { Database } from "../../app/db/client.ts";
import { users } from "../../app/db/schema.ts";
import { seedFactoryDemo } from "../../app/demo/factory-demo.ts";
import { createSession, findSession } from "../../app/domain/auth/sessions.ts";
import { getDocument } from "../../app/domain/documents.ts";
import { findTenant, loadActor } from "../../app/domain/tenants.ts";

export async function demoScope(database: Database, tenantSlug: string, email: string) {
  const db = database.db;
  const tenant = (await findTenant(db, tenantSlug))!;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const { token } = await createSession({ db, userId: user!.id, hours: 1 });
  const session = (await findSession({ db, token }))!;
  return { db, tenant, actor: await loadActor(db, session, tenant.id) };
}

/**
 * The factory demo seeded into the database, and Ostrowiec's coordinator with the strategy
 * (srps-2014-2021) the report tests print: demo slugs are fixed, so a fresh database only.
 */
export async function ostrowiecStrategy(database: Database) {
  await seedFactoryDemo(database.db);
  const scope = await demoScope(database, "ostrowiec-swietokrzyski", "koordynator@ostrowiec.demo");
  const documentId = (await getDocument({ scope, idOrSlug: "srps-2014-2021" })).id;
  return { scope, documentId };
}
