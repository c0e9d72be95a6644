// `busola list [--json]`: municipalities with their documents and reporting years.
import { parseArgs } from "node:util";
import { listInstallation } from "../../domain/installation-overview.ts";
import { withDatabase } from "../with-database.ts";

export async function list(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
  const rows = await withDatabase((db) => listInstallation({ db }));
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const t of rows) {
    console.log(`${t.name} (${t.slug}, TERYT ${t.teryt})`);
    for (const d of t.documents) {
      console.log(
        `  ${d.slug}: ${d.title} [${d.period.join("–")}] lata: ${d.years.join(", ") || "—"}`,
      );
    }
  }
  return 0;
}
