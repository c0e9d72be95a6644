// `busola import FILE --dry-run --json`: parse a report and print the proposal; no database.
import { parseArgs } from "node:util";

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file || !values["dry-run"] || !values.json) {
    console.error(
      "Użycie: busola import PLIK --dry-run --json  (zapis importu odbywa się na stronie przeglądu)",
    );
    return 2;
  }
  const maxMb = Number(process.env.BUSOLA_IMPORT_MAX_MB ?? 25);
  const { readReportFile } = await import("../../report-reader/read-file.ts");
  const { parseReportText } = await import("../../report-reader/parse-text.ts");
  const text = await readReportFile({
    file,
    maxBytes: (Number.isFinite(maxMb) && maxMb > 0 ? maxMb : 25) * 1024 * 1024,
  });
  const proposal = parseReportText(text);
  console.log(JSON.stringify(proposal, null, 2));
  return 0;
}
