// Keeping a form that arrived after its author's session expired (decision 004).
import { and, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { pendingForms } from "../../db/schema.ts";

const KEEP_MINUTES = 60;
// Never stored: the CSRF token is per browser, passwords are never kept anywhere.
const NOT_KEPT = /^(_csrf|password|password2)$/;

export async function stashForm(opts: {
  db: DbOrTx;
  userId: string;
  path: string;
  form: FormData;
}): Promise<string> {
  const values: Record<string, string> = {};
  for (const [k, v] of opts.form.entries()) {
    if (typeof v === "string" && !NOT_KEPT.test(k)) values[k] = v;
  }
  await opts.db.delete(pendingForms).where(lt(pendingForms.expiresAt, new Date()));
  const [row] = await opts.db
    .insert(pendingForms)
    .values({
      userId: opts.userId,
      path: opts.path,
      values,
      expiresAt: new Date(Date.now() + KEEP_MINUTES * 60_000),
    })
    .returning({ id: pendingForms.id });
  return row!.id;
}

/** The kept form, once, for the same user and page; null otherwise. */
export async function takeForm(opts: {
  db: DbOrTx;
  id: string;
  userId: string;
  path: string;
}): Promise<Record<string, string> | null> {
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) return null;
  const [row] = await opts.db
    .delete(pendingForms)
    .where(
      and(
        eq(pendingForms.id, opts.id),
        eq(pendingForms.userId, opts.userId),
        eq(pendingForms.path, opts.path),
      ),
    )
    .returning();
  if (!row || row.expiresAt < new Date()) return null;
  return row.values;
}
