// Boot sequence shared by `busola serve`, the tests and the benchmarks: validate the
// configuration, open the database, apply migrations, seed the demo on an empty database.
import type { Config } from "../config.ts";
import { migrate, openDatabase, type Database } from "../db/client.ts";
import { isEmpty, type DemoAccount } from "../demo/demo-accounts.ts";
import { setDemoAccountsEnabled } from "../domain/users.ts";
import { setServices } from "../services.ts";
import { configureMail } from "../domain/mail/transport.ts";

export async function boot(
  config: Config,
): Promise<{ database: Database; demoAccounts: DemoAccount[] | null }> {
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl, readUrl: config.databaseReadUrl })
    : await openDatabase({ dataDir: config.dataDir });
  await migrate(database);
  let demoAccounts: DemoAccount[] | null = null;
  if (config.demo && (await isEmpty(database.db))) {
    // The importer and the seeds are loaded only when there is a demo to make.
    const { seedDemo } = await import("../demo/seed-demo.ts");
    demoAccounts = await seedDemo(database.db, config.demoData);
  }
  // Demo accounts only work while demo mode is on; production disables them at every start.
  await setDemoAccountsEnabled(database.db, config.demo);
  setServices({
    db: database.db,
    readDb: database.readDb,
    replica: database.replica,
    config,
    engine: database.engine,
  });
  configureMail(config);
  return { database, demoAccounts };
}
