// `busola <command>`: a small dispatcher over one module per command in ./commands/. Each
// command is a function over the same domain layer the web app uses.
import { HELP } from "./help.ts";

type Command = (args: string[]) => Promise<number>;

/** Command name (with its sub-command, if any) → the module that runs it, loaded on demand. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./commands/serve.ts")).serve,
  migrate: async () => (await import("./commands/migrate.ts")).migrateCommand,
  "admin create": async () => (await import("./commands/admin-create.ts")).adminCreate,
  "tenant create": async () => (await import("./commands/tenant-create.ts")).tenantCreate,
  "user add": async () => (await import("./commands/user-add.ts")).userAdd,
  list: async () => (await import("./commands/list.ts")).list,
  reminders: async () => (await import("./commands/reminders.ts")).remindersCommand,
  import: async () => (await import("./commands/import.ts")).importCommand,
  report: async () => (await import("./commands/report.ts")).reportCommand,
  backup: async () => (await import("./commands/backup.ts")).backupCommand,
  restore: async () => (await import("./commands/restore.ts")).restoreCommand,
};

const SUBCOMMANDS = new Set(["admin", "tenant", "user"]);

export async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  if (command === undefined || ["help", "--help", "-h"].includes(command)) {
    console.log(HELP);
    return 0;
  }
  const withSub = SUBCOMMANDS.has(command);
  const load = COMMANDS[withSub ? `${command} ${sub}` : command];
  if (!load) {
    console.error(`Nieznane polecenie: ${argv.join(" ")}\n\n${HELP}`);
    return 2;
  }
  try {
    const run = await load();
    return await run(argv.slice(withSub ? 2 : 1));
  } catch (error) {
    if (await isUserError(error)) {
      console.error((error as Error).message);
      return 1;
    }
    throw error;
  }
}

/**
 * An error the user can act on, printed without a stack. Its classes are loaded only when a
 * command fails: a command that needs none of them (`import --dry-run`) starts without them
 * (decision 050). A command that threw one has loaded its module, so instanceof still holds.
 */
async function isUserError(error: unknown): Promise<boolean> {
  const [{ ConfigError }, { UserInputError }, { ImportInputError }, { DataDirLockedError }] =
    await Promise.all([
      import("../config.ts"),
      import("../domain/errors.ts"),
      import("../report-reader/read-file.ts"),
      import("../db/data-dir-lock.ts"),
    ]);
  return [ConfigError, UserInputError, ImportInputError, DataDirLockedError].some(
    (kind) => error instanceof kind,
  );
}
