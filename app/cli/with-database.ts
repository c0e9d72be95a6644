// Opens the configured database, migrated, for one CLI command and closes it afterwards.
// On the embedded database this takes the data directory's lock (decision 025): a command
// run beside `busola serve` is refused instead of writing under the server's feet.
import { loadConfig } from "../config.ts";
import { migrate, openDatabase, type Db } from "../db/client.ts";

export async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl })
    : await openDatabase({ dataDir: config.dataDir });
  try {
    await migrate(database);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
