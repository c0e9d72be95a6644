// `busola <command>`: a small dispatcher over one module per command in ./commands/. Each
// command is a function over the same domain layer the web app uses.
import { ConfigError } from "../config.ts";
import { UserInputError } from "../domain/errors.ts";
import { ImportInputError } from "../report-reader/read-file.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
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
    if (
      error instanceof ConfigError ||
      error instanceof UserInputError ||
      error instanceof ImportInputError ||
      error instanceof DataDirLockedError
    ) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
