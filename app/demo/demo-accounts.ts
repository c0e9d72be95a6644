// Demo accounts: one per role in each demo municipality, all with the same password, printed
// at start and disabled whenever demo mode is off (NODE_ENV=production).
import { count } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.ts";
import { tenants } from "../db/schema.ts";
import { makeUser } from "./factories.ts";

export const DEMO_PASSWORD = "busola-demo";

export type DemoAccount = { email: string; role: string; tenant: string };

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return (row?.n ?? 0) === 0;
}

/**
 * A function that creates a demo account and records it for the start-up listing. Accounts of
 * both demos share the password, and are marked as demo accounts (disabled in production).
 */
export function demoAccountMaker(db: DbOrTx, accounts: DemoAccount[]) {
  return async (
    email: string,
    name: string,
    spec: Parameters<typeof makeUser>[1],
    label: string,
    tenant: string,
  ) => {
    await makeUser(db, { ...spec, email, name, password: DEMO_PASSWORD, isDemo: true });
    accounts.push({ email, role: label, tenant });
  };
}
