// `busola report`: generate the annual implementation report into a file.
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../../config.ts";
import { UserInputError } from "../../domain/errors.ts";
import { SYSTEM_ACTOR } from "../../domain/actor.ts";
import { getDocument, listDocuments, listReportingYears } from "../../domain/documents.ts";
import { findTenant } from "../../domain/tenants.ts";
import { NotFoundError } from "../../domain/errors.ts";
import {
  REPORT_FORMATS,
  REPORT_LAYOUTS,
  type ReportFormat,
  type ReportLayout,
} from "../../reports/model.ts";
import { withDatabase } from "../with-database.ts";

export async function reportCommand(args: string[]): Promise<number> {
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
        const slugs = (await listDocuments({ scope, archived: "all" })).map((d) => d.slug);
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
    const { generateReport } = await import("../../reports/generate.ts");
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
