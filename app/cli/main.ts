// `busola <command>`: serve, migrate, admin create. Each command is a small function over the
// same domain layer the web app uses; new commands (import, report) register here.
import { parseArgs } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../config.ts";
import { migrate, openDatabase } from "../db/client.ts";
import { boot } from "../server/boot.ts";
import { startHttpServer } from "../server/http.ts";
import { createUser, countSystemAdmins, UserInputError } from "../domain/users.ts";
import { DEMO_PASSWORD } from "../demo/seed.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const HELP = `Busola — monitoring strategii i programów polityki społecznej

Usage: busola <command> [options]

Commands:
  serve                   run the web server (migrates the database, seeds demo data on an empty one)
  migrate                 apply database migrations and exit
  admin create            create a system administrator
      --email <e-mail> --name <name> [--password <password>]  (or BUSOLA_ADMIN_PASSWORD)

Configuration (environment): PORT, HOST, BUSOLA_DATA_DIR, DATABASE_URL, NODE_ENV,
BUSOLA_SESSION_HOURS, BUSOLA_SECURE_COOKIES, BUSOLA_DEMO — see README.md.`;

export async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  try {
    switch (command) {
      case "serve":
        return await serve();
      case "migrate":
        return await migrateCommand();
      case "admin":
        if (sub === "create") return await adminCreate(argv.slice(2));
        break;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(HELP);
        return 0;
    }
    console.error(`Unknown command: ${argv.join(" ")}\n\n${HELP}`);
    return 2;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UserInputError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function serve(): Promise<number> {
  const started = performance.now();
  const config = loadConfig();
  const { demoAccounts } = await boot(config);
  // The served bundle is a production build: React must run in production mode whatever
  // Busola's own mode is (NODE_ENV unset means development: demo data on). Nothing has
  // imported React yet; the HTTP server loads it after this line.
  process.env.NODE_ENV = "production";
  await startHttpServer({
    buildDir: path.join(ROOT, "build"),
    port: config.port,
    host: config.host,
  });
  const where = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL)"
    : `PGlite w ${path.resolve(config.dataDir)}`;
  console.log(
    `Busola: http://localhost:${config.port}  [baza: ${where}; gotowe w ${Math.round(performance.now() - started)} ms]`,
  );
  if (demoAccounts) {
    console.log(`\nKonta demonstracyjne (hasło: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(32)} ${a.role} — ${a.tenant}`);
  } else if (config.demo) {
    console.log(
      `Konta demonstracyjne: *.demo, hasło ${DEMO_PASSWORD} (wyłączone, gdy NODE_ENV=production).`,
    );
  }
  return await new Promise<number>(() => {});
}

async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl })
    : await openDatabase({ dataDir: config.dataDir });
  await migrate(database);
  await database.close();
  console.log("Migrations applied.");
  return 0;
}

async function adminCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const password = values.password ?? process.env.BUSOLA_ADMIN_PASSWORD;
  if (!values.email || !values.name || !password) {
    console.error(
      "Usage: busola admin create --email <e-mail> --name <name> --password <password>",
    );
    return 2;
  }
  const config = loadConfig();
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl })
    : await openDatabase({ dataDir: config.dataDir });
  try {
    await migrate(database);
    const before = await countSystemAdmins(database.db);
    const user = await createUser({
      db: database.db,
      email: values.email,
      name: values.name,
      password,
      isSystemAdmin: true,
    });
    console.log(
      `Administrator ${user.email} created${before === 0 ? " (first administrator)" : ""}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
