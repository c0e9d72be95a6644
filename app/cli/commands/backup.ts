// `busola backup --out FILE`: a consistent copy of the database, while Busola runs or not.
import { parseArgs } from "node:util";
import { loadConfig } from "../../config.ts";
import { writeBackup } from "../../server/backup.ts";

export async function backupCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  if (!values.out) {
    console.error("Użycie: busola backup --out PLIK");
    return 2;
  }
  const result = await writeBackup({ config: loadConfig(), out: values.out });
  const how = {
    server: "migawka od działającego serwera",
    direct: "baza otwarta bezpośrednio",
    pg_dump: "pg_dump",
  }[result.via];
  console.log(
    `Zapisano kopię zapasową ${result.file} (${Math.max(1, Math.round(result.bytes / 1024))} KB; ${how}).`,
  );
  return 0;
}
