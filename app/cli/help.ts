// The text of `busola help`.
export const HELP = `Busola — monitoring strategii i programów polityki społecznej

Użycie: busola <polecenie> [opcje]

Polecenia:
  serve                   uruchamia serwer WWW (migruje bazę, w pustej bazie zakłada dane demonstracyjne)
  migrate                 wykonuje migracje bazy danych i kończy pracę
  admin create            zakłada konto administratora systemu
      --email <e-mail> --name <imię i nazwisko> [--password <hasło>]  (albo BUSOLA_ADMIN_PASSWORD)
  tenant create           zakłada gminę lub powiat
      --teryt <7 cyfr> --name <nazwa> --slug <adres> [--kind gmina_miejska|gmina_wiejska|
      gmina_miejsko_wiejska|miasto_na_prawach_powiatu|powiat]
  user add                nadaje osobie rolę w gminie (zakłada konto, jeśli go nie ma)
      --tenant <adres|TERYT> --email <e-mail> --name <imię i nazwisko> --role <admin|coordinator|
      goal_coordinator|partner|viewer> [--institution <skrót|id>] [--goal <symbol celu>]
      [--password <hasło początkowe>]  (albo BUSOLA_USER_PASSWORD)
      role: admin — administrator, coordinator — koordynator strategii, goal_coordinator —
      koordynator celu, partner — realizator, viewer — odczyt
  list [--json]           gminy z ich dokumentami i latami sprawozdawczymi
  report                  tworzy roczne sprawozdanie z realizacji
      --tenant <adres|TERYT> --document <id|adres> --year <RRRR> --layout cards|indicators
      --format docx|pdf|html --out PLIK [--published-only] [--final] [--no-charts]
      (cards: karty projektów, indicators: tabele wskaźników; --published-only: wersja
      publiczna — małe liczby ukryte, BUSOLA_PUBLIC_MIN_COUNT; --final: wersja ostateczna)
      [--prepared-by <tekst>] [--introduction PLIK] [--conclusions PLIK]
  reminders               wysyła przypomnienia rund sprawozdawczych należne dziś
                          (najwyżej jedno na pozycję i dzień)
  backup --out PLIK       spójna kopia zapasowa bazy, także podczas pracy \`busola serve\`
                          (PGlite: migawka od działającego serwera albo z zatrzymanego katalogu;
                          DATABASE_URL: pg_dump -Fc)
  restore PLIK [--force]  wypełnia pusty katalog danych (lub bazę) z kopii zapasowej; --force
                          zastępuje niepusty (PGlite: stary katalog zostaje obok)
  import PLIK --dry-run --json
                          odczytuje sprawozdanie (.txt, .docx, .html) i wypisuje proponowaną
                          strukturę jako JSON (docs/import-format.md); niczego nie zapisuje,
                          nie potrzebuje bazy danych

Konfiguracja (zmienne środowiska): PORT, HOST, BUSOLA_DATA_DIR, DATABASE_URL,
DATABASE_READ_URL, NODE_ENV, BUSOLA_SESSION_HOURS, BUSOLA_SECURE_COOKIES, BUSOLA_DEMO,
BUSOLA_SMTP_URL, BUSOLA_MAIL_FROM, BUSOLA_PUBLIC_URL, BUSOLA_REMINDER_DAYS_BEFORE,
BUSOLA_REMINDER_DAYS_AFTER, BUSOLA_REMINDER_INTERVAL_MINUTES, BUSOLA_CHANGE_THRESHOLD_PERCENT,
BUSOLA_FORM_MAX_KB, BUSOLA_IMPORT_MAX_MB, BUSOLA_BACKUP_DIR, BUSOLA_BACKUP_INTERVAL_HOURS,
BUSOLA_BACKUP_KEEP
— opis w README.md.`;
