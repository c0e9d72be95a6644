// `busola migrate`: apply the database migrations and exit.
import { withDatabase } from "../with-database.ts";

export async function migrateCommand(): Promise<number> {
  await withDatabase(async () => {});
  console.log("Wykonano migracje bazy danych.");
  return 0;
}
