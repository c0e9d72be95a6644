// `busola <command>`: serve, migrate, admin create. Each command is a small function over the
// same domain layer the web app uses; new commands (import, report) register here.
import { parseArgs } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../config.ts";
import { migrate, openDatabase } from "../db/client.ts";
import { boot } from "../server/boot.ts";
import { startHttpServer } from "../server/http.ts";
import { createUser, countSystemAdmins } from "../domain/users.ts";
import { DEMO_PASSWORD } from "../demo/demo-accounts.ts";
import { getServices, setServices } from "../services.ts";
import { readAndParseInWorker } from "../server/import-in-worker.ts";
import { asc } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tenants } from "../db/schema.ts";
import { ROLE_LABELS, ROLES, SYSTEM_ACTOR, type Role } from "../domain/actor.ts";
import { getDocument, listDocuments, listReportingYears } from "../domain/documents.ts";
import { listInstitutions } from "../domain/institutions.ts";
import { addMember } from "../domain/members.ts";
import { listStrategicGoals } from "../domain/structure-context.ts";
import { ImportInputError } from "../report-reader/read-file.ts";
import { createTenant, findTenant, TENANT_KINDS } from "../domain/tenants.ts";
import { NotFoundError, UserInputError } from "../domain/errors.ts";
import {
  REPORT_FORMATS,
  REPORT_LAYOUTS,
  type ReportFormat,
  type ReportLayout,
} from "../reports/model.ts";
import { readFileSync, writeFileSync } from "node:fs";
import { configureMail } from "../domain/mail/transport.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const HELP = `Busola — monitoring strategii i programów polityki społecznej

Usage: busola <command> [options]

Commands:
  serve                   run the web server (migrates the database, seeds demo data on an empty one)
  migrate                 apply database migrations and exit
  admin create            create a system administrator
      --email <e-mail> --name <name> [--password <password>]  (or BUSOLA_ADMIN_PASSWORD)
  tenant create           create a municipality (tenant)
      --teryt <7 digits> --name <name> --slug <slug> [--kind gmina_miejska|gmina_wiejska|
      gmina_miejsko_wiejska|miasto_na_prawach_powiatu|powiat]
  user add                give a person a role in a municipality (creates the account if new)
      --tenant <slug|TERYT> --email <e-mail> --name <name> --role <admin|coordinator|
      goal_coordinator|partner|viewer> [--institution <short name|id>] [--goal <code>]
      [--password <initial password>]  (or BUSOLA_USER_PASSWORD)
  list [--json]           municipalities with their documents and reporting years
  report                  generate the annual implementation report
      --tenant <slug|TERYT> --document <id|slug> --year <YYYY> --layout cards|indicators
      --format docx|pdf|html --out FILE [--published-only] [--final] [--no-charts]
      (--published-only: the public version — small counts withheld, BUSOLA_PUBLIC_MIN_COUNT)
      [--prepared-by <text>] [--introduction FILE] [--conclusions FILE]
  reminders               send the reporting round reminders due today (idempotent per item and day)
  import FILE --dry-run --json
                          parse a report (.txt, .docx, .html) and print the proposed structure
                          as JSON (docs/import-format.md); writes nothing, needs no database

Configuration (environment): PORT, HOST, BUSOLA_DATA_DIR, DATABASE_URL, NODE_ENV,
BUSOLA_SESSION_HOURS, BUSOLA_SECURE_COOKIES, BUSOLA_DEMO, BUSOLA_SMTP_URL, BUSOLA_MAIL_FROM,
BUSOLA_PUBLIC_URL, BUSOLA_REMINDER_DAYS_BEFORE, BUSOLA_REMINDER_DAYS_AFTER,
BUSOLA_REMINDER_INTERVAL_MINUTES, BUSOLA_CHANGE_THRESHOLD_PERCENT — see README.md.`;

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
      case "tenant":
        if (sub === "create") return await tenantCreate(argv.slice(2));
        break;
      case "user":
        if (sub === "add") return await userAdd(argv.slice(2));
        break;
      case "list":
        return await list(argv.slice(1));
      case "reminders":
        return await remindersCommand();
      case "import":
        return await importCommand(argv.slice(1));
      case "report":
        return await reportCommand(argv.slice(1));
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
    if (
      error instanceof ConfigError ||
      error instanceof UserInputError ||
      error instanceof ImportInputError
    ) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function serve(): Promise<number> {
  const started = performance.now();
  const config = loadConfig();
  const { database, demoAccounts } = await boot(config);
  setServices({ ...getServices(), readReport: readAndParseInWorker });
  // The served bundle is a production build: React must run in production mode whatever
  // Busola's own mode is (NODE_ENV unset means development: demo data on). Nothing has
  // imported React yet; the HTTP server loads it after this line.
  process.env.NODE_ENV = "production";
  const server = await startHttpServer({
    buildDir: path.join(ROOT, "build"),
    port: config.port,
    host: config.host,
  });
  // Stop cleanly: stop accepting requests, then close the database so PGlite flushes its files.
  const stop = () => {
    server.close(() => {
      void database.close().finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  // Reminders of the reporting rounds: idempotent per item and day, so a restart or a second
  // process sending the same day's reminders again sends nothing twice.
  const remind = () =>
    import("../domain/rounds/reminders.ts")
      .then(({ sendDueReminders }) => sendDueReminders({ db: database.db, now: new Date() }))
      .catch((e: unknown) => console.error("Reminders failed:", e));
  const reminderTimer = setInterval(remind, config.rounds.reminderIntervalMinutes * 60_000);
  reminderTimer.unref();
  void remind();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
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

/** Open the configured database, migrated, for one command; closed afterwards. */
async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
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

async function remindersCommand(): Promise<number> {
  const config = loadConfig();
  configureMail(config);
  const { sendDueReminders } = await import("../domain/rounds/reminders.ts");
  const result = await withDatabase((db) => sendDueReminders({ db, now: new Date() }));
  console.log(`Reminders: ${result.messages} e-mail(s) for ${result.assignments} item(s).`);
  return 0;
}

async function migrateCommand(): Promise<number> {
  await withDatabase(async () => {});
  console.log("Migrations applied.");
  return 0;
}

async function tenantCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      teryt: { type: "string" },
      name: { type: "string" },
      slug: { type: "string" },
      kind: { type: "string" },
    },
  });
  const kind = (values.kind ?? "gmina_miejska") as keyof typeof TENANT_KINDS;
  if (!values.teryt || !values.name || !values.slug || !(kind in TENANT_KINDS)) {
    console.error(
      "Usage: busola tenant create --teryt <7 digits> --name <name> --slug <slug> [--kind <kind>]",
    );
    return 2;
  }
  if (!/^\d{7}$/.test(values.teryt))
    throw new UserInputError("TERYT code must have 7 digits, e.g. 2472011.");
  const tenant = await withDatabase((db) =>
    createTenant({ db, teryt: values.teryt!, name: values.name!, slug: values.slug!, kind }),
  );
  console.log(`Municipality ${tenant.name} (${tenant.teryt}) created: /g/${tenant.slug}`);
  return 0;
}

async function userAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      institution: { type: "string" },
      goal: { type: "string" },
      password: { type: "string" },
    },
  });
  const role = values.role as Role;
  if (!values.tenant || !values.email || !values.name || !ROLES.includes(role)) {
    console.error(
      "Usage: busola user add --tenant <slug|TERYT> --email <e-mail> --name <name> --role <role> [...]",
    );
    return 2;
  }
  await withDatabase(async (db) => {
    const tenant = await findTenant(db, values.tenant!);
    if (!tenant) throw new UserInputError(`No municipality "${values.tenant}".`);
    const scope = { db, tenant, actor: SYSTEM_ACTOR };
    const institution = values.institution
      ? (await listInstitutions({ scope })).find(
          (i) =>
            i.id === values.institution ||
            i.shortName === values.institution ||
            i.name === values.institution,
        )
      : null;
    if (values.institution && !institution)
      throw new UserInputError(`No institution "${values.institution}" in ${tenant.name}.`);
    const goal = values.goal
      ? (await listStrategicGoals({ scope })).find((g) => g.code === values.goal)
      : null;
    if (values.goal && !goal)
      throw new UserInputError(`No strategic goal "${values.goal}" in ${tenant.name}.`);
    await addMember({
      scope,
      email: values.email!,
      name: values.name!,
      password: values.password ?? process.env.BUSOLA_USER_PASSWORD ?? null,
      role,
      institutionId: institution?.id ?? null,
      goalIds: goal ? [goal.id] : [],
    });
  });
  console.log(`${values.email} is now ${ROLE_LABELS[role]} in ${values.tenant}.`);
  return 0;
}

async function list(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
  const rows = await withDatabase(async (db) => {
    const all = await db.select().from(tenants).orderBy(asc(tenants.name));
    return Promise.all(
      all.map(async (tenant) => {
        const scope = { db, tenant, actor: SYSTEM_ACTOR };
        const docs = await listDocuments({ scope });
        return {
          slug: tenant.slug,
          teryt: tenant.teryt,
          name: tenant.name,
          documents: await Promise.all(
            docs.map(async (d) => ({
              id: d.id,
              slug: d.slug,
              kind: d.kind,
              title: d.title,
              period: [d.periodStart, d.periodEnd],
              years: await listReportingYears({ scope, documentId: d.id }),
            })),
          ),
        };
      }),
    );
  });
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const t of rows) {
    console.log(`${t.name} (${t.slug}, TERYT ${t.teryt})`);
    for (const d of t.documents) {
      console.log(
        `  ${d.slug}: ${d.title} [${d.period.join("–")}] years: ${d.years.join(", ") || "—"}`,
      );
    }
  }
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

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file || !values["dry-run"] || !values.json) {
    console.error(
      "Usage: busola import FILE --dry-run --json  (saving an import goes through the review page)",
    );
    return 2;
  }
  const maxMb = Number(process.env.BUSOLA_IMPORT_MAX_MB ?? 25);
  const { readReportFile } = await import("../report-reader/read-file.ts");
  const { parseReportText } = await import("../report-reader/parse-text.ts");
  const text = await readReportFile({
    file,
    maxBytes: (Number.isFinite(maxMb) && maxMb > 0 ? maxMb : 25) * 1024 * 1024,
  });
  const proposal = parseReportText(text);
  console.log(JSON.stringify(proposal, null, 2));
  return 0;
}

async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: "string" },
      document: { type: "string" },
      year: { type: "string" },
      layout: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      "published-only": { type: "boolean" },
      final: { type: "boolean" },
      "no-charts": { type: "boolean" },
      "prepared-by": { type: "string" },
      introduction: { type: "string" },
      conclusions: { type: "string" },
    },
  });
  if (!values.tenant || !values.document || !values.year || !values.out) {
    console.error(
      "Użycie: busola report --tenant <slug|TERYT> --document <id|slug> --year <RRRR> --layout cards|indicators --format docx|pdf|html --out PLIK",
    );
    return 2;
  }
  const layout = (values.layout ?? "cards") as ReportLayout;
  if (!REPORT_LAYOUTS.includes(layout))
    throw new UserInputError(
      `Nieznany układ sprawozdania „${values.layout}”. Dostępne: cards (karty projektów), indicators (tabele wskaźników).`,
    );
  const format = (values.format ?? path.extname(values.out).slice(1)) as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new UserInputError(
      `Nieznany format „${values.format ?? format}”. Dostępne: docx, pdf, html.`,
    );
  if (!/^\d{4}$/.test(values.year))
    throw new UserInputError(
      `Rok „${values.year}” jest niepoprawny — podaj rok w postaci RRRR, np. 2020.`,
    );
  const year = Number(values.year);
  const readText = (file: string | undefined) => (file ? readFileSync(file, "utf8") : undefined);
  const report = await withDatabase(async (db) => {
    const tenant = await findTenant(db, values.tenant!);
    if (!tenant)
      throw new UserInputError(
        `Nie ma gminy ani powiatu „${values.tenant}”. Sprawdź slug lub kod TERYT poleceniem: busola list`,
      );
    const scope = { db, tenant, actor: SYSTEM_ACTOR };
    const document = await getDocument({ scope, idOrSlug: values.document! }).catch(
      async (e: unknown) => {
        if (!(e instanceof NotFoundError)) throw e;
        const slugs = (await listDocuments({ scope })).map((d) => d.slug);
        throw new UserInputError(
          `Nie znaleziono dokumentu „${values.document}” (${tenant.name}).${slugs.length ? ` Dostępne: ${slugs.join(", ")}.` : ""}`,
        );
      },
    );
    const years = await listReportingYears({ scope, documentId: document.id });
    if (!years.includes(year))
      throw new UserInputError(
        years.length
          ? `Dokument „${document.title}” nie ma danych za ${year} r. Lata z danymi: ${years.join(", ")}.`
          : `Dokument „${document.title}” nie ma jeszcze danych za żaden rok.`,
      );
    const { generateReport } = await import("../reports/generate.ts");
    return generateReport({
      scope,
      documentId: document.id,
      year,
      layout,
      format,
      options: {
        publishedOnly: values["published-only"] ?? false,
        ...(values["published-only"] ? { suppressCountsBelow: loadConfig().publicMinCount } : {}),
        ...(values.final ? { draft: false } : {}),
        charts: !values["no-charts"],
        preparedBy: values["prepared-by"],
        introduction: readText(values.introduction),
        conclusions: readText(values.conclusions),
      },
    });
  });
  writeFileSync(values.out, report.bytes);
  console.log(
    `Zapisano ${values.out} (${Math.round(report.bytes.length / 1024)} KB${report.draft ? `, projekt: ${report.findings} niepotwierdzonych uwag w załączniku` : ""}; odcisk danych ${report.fingerprint.slice(0, 12)}).`,
  );
  return 0;
}
