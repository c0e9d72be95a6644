// Demo accounts: one per role in each demo municipality, all with the same password, printed
// at start and disabled whenever demo mode is off (NODE_ENV=production).
import { count } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tenants } from "../db/schema.ts";

export const DEMO_PASSWORD = "busola-demo";

export type DemoAccount = { email: string; role: string; tenant: string };

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return (row?.n ?? 0) === 0;
}
