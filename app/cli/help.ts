// The text of `busola help`.
export const HELP = `Busola — monitoring strategii i programów polityki społecznej

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
  backup --out FILE       a consistent copy of the database, also while \`busola serve\` runs
                          (PGlite: a snapshot from the running server or the stopped directory;
                          DATABASE_URL: pg_dump -Fc)
  restore FILE [--force]  fill an empty data directory (or database) from a backup; --force
                          replaces a non-empty one (PGlite: the old directory is kept beside it)
  import FILE --dry-run --json
                          parse a report (.txt, .docx, .html) and print the proposed structure
                          as JSON (docs/import-format.md); writes nothing, needs no database

Configuration (environment): PORT, HOST, BUSOLA_DATA_DIR, DATABASE_URL, NODE_ENV,
BUSOLA_SESSION_HOURS, BUSOLA_SECURE_COOKIES, BUSOLA_DEMO, BUSOLA_SMTP_URL, BUSOLA_MAIL_FROM,
BUSOLA_PUBLIC_URL, BUSOLA_REMINDER_DAYS_BEFORE, BUSOLA_REMINDER_DAYS_AFTER,
BUSOLA_REMINDER_INTERVAL_MINUTES, BUSOLA_CHANGE_THRESHOLD_PERCENT, BUSOLA_FORM_MAX_KB,
BUSOLA_IMPORT_MAX_MB, BUSOLA_BACKUP_DIR, BUSOLA_BACKUP_INTERVAL_HOURS, BUSOLA_BACKUP_KEEP
— see README.md.`;
