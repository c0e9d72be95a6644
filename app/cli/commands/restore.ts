// `busola restore FILE [--force]`: fill an empty data directory (or database) from a backup.
import { parseArgs } from "node:util";
import { loadConfig } from "../../config.ts";
import { restoreBackup } from "../../server/backup.ts";

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file) {
    console.error("Użycie: busola restore PLIK [--force]");
    return 2;
  }
  const result = await restoreBackup({ config: loadConfig(), file, force: values.force ?? false });
  console.log(
    `Przywrócono kopię zapasową ${file} do ${result.target}.${result.movedAside ? ` Poprzednie dane odłożono do ${result.movedAside}.` : ""}`,
  );
  return 0;
}
