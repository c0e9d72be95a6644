// `busola serve`: boot (lock, migrate, demo), then HTTP, reminders, mail delivery and backups.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../config.ts";
import { boot } from "../../server/boot.ts";
import { startHttpServer } from "../../server/http.ts";
import { DEMO_PASSWORD } from "../../demo/demo-accounts.ts";
import { getServices, setServices } from "../../services.ts";
import { readAndParseInWorker } from "../../server/import-in-worker.ts";
import { startControlServer } from "../../server/control.ts";
import { startScheduledBackups } from "../../server/scheduled-backups.ts";
import { startMailDelivery } from "../../server/mail-delivery.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export async function serve(): Promise<number> {
  const started = performance.now();
  const config = loadConfig();
  const { database, demoAccounts } = await boot(config);
  if (demoAccounts) {
    // A new demo: its reports are rendered before the server is ready (decision 048).
    const { prerenderReports } = await import("../../reports/prerender.ts");
    await prerenderReports({
      db: database.db,
      tenantSlugs: [...new Set(demoAccounts.map((a) => a.tenant))],
      layouts: ["cards"],
    });
  }
  setServices({ ...getServices(), readReport: readAndParseInWorker });
  // The served bundle is a production build: React must run in production mode whatever
  // Busola's own mode is (NODE_ENV unset means development: demo data on). Nothing has
  // imported React yet; the HTTP server loads it after this line.
  process.env.NODE_ENV = "production";
  const server = await startHttpServer({
    buildDir: path.join(ROOT, "build"),
    port: config.port,
    host: config.host,
    limits: { formMaxBytes: config.formMaxBytes, uploadMaxBytes: config.import.maxBytes },
    secureCookies: config.secureCookies,
  });
  // The lock holder answers `busola backup` run beside it (decision 026).
  const control =
    database.lock && database.dump
      ? await startControlServer({ dataDir: config.dataDir, dump: database.dump })
      : null;
  if (control) database.lock!.setControlSocket(control.socket);
  const stopBackups = startScheduledBackups({ config, database });
  const stopMail = startMailDelivery({ db: database.db });
  // Stop cleanly: stop accepting requests, then close the database so PGlite flushes its files.
  const stop = () => {
    stopBackups();
    stopMail();
    server.close(() => {
      void (control?.close() ?? Promise.resolve())
        .then(() => database.close())
        .finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  // Reminders of the reporting rounds: idempotent per item and day, so a restart or a second
  // process sending the same day's reminders again sends nothing twice.
  const remind = () =>
    import("../../domain/rounds/reminders.ts")
      .then(({ sendDueReminders }) => sendDueReminders({ db: database.db, now: new Date() }))
      .catch((e: unknown) => console.error("Nie udało się wysłać przypomnień:", e));
  const reminderTimer = setInterval(remind, config.rounds.reminderIntervalMinutes * 60_000);
  reminderTimer.unref();
  void remind();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const where = config.databaseUrl
    ? config.databaseReadUrl
      ? "PostgreSQL (DATABASE_URL), odczyty z repliki (DATABASE_READ_URL)"
      : "PostgreSQL (DATABASE_URL)"
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
