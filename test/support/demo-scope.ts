// The scope a demo account works in, as a signed-in request would build it: for tests of the
// demo data, which address its municipalities and people by slug and e-mail.
import { eq } from "drizzle-orm";
import type { Database } from "../../app/db/client.ts";
import { users } from "../../app/db/schema.ts";
import { createSession, findSession } from "../../app/domain/auth/sessions.ts";
import { findTenant, loadActor } from "../../app/domain/tenants.ts";

export async function demoScope(database: Database, tenantSlug: string, email: string) {
  const db = database.db;
  const tenant = (await findTenant(db, tenantSlug))!;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const { token } = await createSession({ db, userId: user!.id, hours: 1 });
  const session = (await findSession({ db, token }))!;
  return { db, tenant, actor: await loadActor(db, session, tenant.id) };
}
