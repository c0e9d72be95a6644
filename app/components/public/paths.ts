// Addresses of the public portal, in one place: pages link with these, the sitemap lists them,
// and the datasets and API (issue 11, pub-2) are linked under the names agreed with it.
export const municipalityPath = (slug: string) => `/gminy/${slug}`;
export const registerPath = (slug: string) => `/gminy/${slug}/rejestr`;
export const statementPath = (slug?: string) =>
  slug ? `/gminy/${slug}/deklaracja-dostepnosci` : "/deklaracja-dostepnosci";
export const yearPath = (slug: string, doc: string, year: number) =>
  `/gminy/${slug}/dokumenty/${doc}/${year}`;
export const projectPath = (slug: string, doc: string, year: number, id: string) =>
  `${yearPath(slug, doc, year)}/projekty/${id}`;
export const indicatorPath = (slug: string, doc: string, year: number, id: string) =>
  `${yearPath(slug, doc, year)}/wskazniki/${id}`;
export const reportFilePath = (
  slug: string,
  doc: string,
  year: number,
  layout: "karty" | "wskazniki",
  format: "html" | "pdf" | "docx",
) => `${yearPath(slug, doc, year)}/raport/${layout}.${format}`;
export const publicationFilePath = (slug: string, id: string) =>
  `/gminy/${slug}/rejestr/${id}.json`;

export const DATASETS = [
  { name: "wskazniki", title: "Wartości wskaźników" },
  { name: "podzialy", title: "Podziały wartości wskaźników" },
  { name: "projekty", title: "Projekty i ich karty" },
  { name: "budzety", title: "Budżety według źródeł finansowania" },
] as const;
export const DATASET_FORMATS = ["csv", "json", "xlsx"] as const;
export const datasetPath = (slug: string, name: string, format: string) =>
  `/gminy/${slug}/dane/${name}.${format}`;
export const CATALOGUE_PATH = "/dane/katalog.jsonld";
export const OPENAPI_PATH = "/api/openapi.json";
export const API_DOCS_PATH = "/api/dokumentacja";

export const FORMAT_LABELS: Record<string, string> = {
  html: "HTML",
  pdf: "PDF",
  docx: "DOCX",
  csv: "CSV",
  json: "JSON",
  xlsx: "XLSX",
};

export const COMPARISONS_PATH = "/porownania";
/** The comparison's address parameters: voivodeship (two TERYT digits), year, table page. */
export type ComparisonQuery = { woj?: string | null; rok?: number | null; strona?: number | null };

function comparisonQuery(q: ComparisonQuery): string {
  const params = new URLSearchParams();
  if (q.woj) params.set("woj", q.woj);
  if (q.rok) params.set("rok", String(q.rok));
  if (q.strona && q.strona > 1) params.set("strona", String(q.strona));
  const text = params.toString();
  return text ? `?${text}` : "";
}
export const comparisonPath = (code: string, q: ComparisonQuery = {}) =>
  `${COMPARISONS_PATH}/${encodeURIComponent(code)}${comparisonQuery(q)}`;
export const comparisonCsvPath = (code: string, q: ComparisonQuery = {}) =>
  `${COMPARISONS_PATH}/${encodeURIComponent(code)}/dane.csv${comparisonQuery({ ...q, strona: null })}`;
