// The installation's catalogue of datasets in DCAT-AP (the profile dane.gov.pl harvests), as
// one small RDF graph serialised two ways: JSON-LD and RDF/XML. Mandatory DCAT-AP properties
// (catalogue: title, description, publisher, dataset; dataset: title, description;
// distribution: accessURL) are always present; the recommended ones too where Busola knows them
// (licence, format, media type, download URL, keywords, theme, frequency, dates, contact point).
// Vocabularies are the EU's authority tables. Pure.
import type { DatasetFormat } from "../domain/open-data/datasets.ts";
import { DATASET_FORMATS, MEDIA_TYPES, datasetPath } from "../domain/open-data/datasets.ts";
import type { DatasetMetadata, PublicMunicipality } from "../domain/open-data/types.ts";

export const NS = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
} as const;

const EU = "http://publications.europa.eu/resource/authority";
const FILE_TYPE: Record<DatasetFormat, string> = { csv: "CSV", json: "JSON", xlsx: "XLSX" };

type Literal = { value: string; lang?: "pl"; datatype?: "dateTime" };
type Value = Literal | { iri: string } | Node;
export type Node = { id: string; type: string; props: [string, Value][] };

const pl = (value: string): Literal => ({ value, lang: "pl" });
const iri = (value: string) => ({ iri: value });

export type CatalogueInput = {
  baseUrl: string;
  title: string;
  description: string;
  publisher: string;
  municipalities: { municipality: PublicMunicipality; datasets: DatasetMetadata[] }[];
};

function distribution(base: string, m: PublicMunicipality, d: DatasetMetadata, f: DatasetFormat) {
  const url = `${base}${datasetPath(m.slug, d.kind, f)}`;
  const props: [string, Value][] = [
    ["dct:title", pl(`${d.title} (${FILE_TYPE[f]})`)],
    ["dcat:accessURL", iri(url)],
    ["dcat:downloadURL", iri(url)],
    ["dct:format", iri(`${EU}/file-type/${FILE_TYPE[f]}`)],
    [
      "dcat:mediaType",
      iri(`http://www.iana.org/assignments/media-types/${MEDIA_TYPES[f].split(";")[0]}`),
    ],
    ["dct:license", iri(d.licence.url)],
  ];
  if (d.modified) props.push(["dct:modified", { value: d.modified, datatype: "dateTime" }]);
  return { id: `${url}#dystrybucja`, type: "dcat:Distribution", props } satisfies Node;
}

function datasetNode(base: string, m: PublicMunicipality, d: DatasetMetadata): Node {
  const page = `${base}/gminy/${encodeURIComponent(m.slug)}/dane`;
  const props: [string, Value][] = [
    ["dct:identifier", { value: d.identifier }],
    ["dct:title", pl(d.title)],
    ["dct:description", pl(d.description)],
    [
      "dct:publisher",
      {
        id: `${base}/gminy/${encodeURIComponent(m.slug)}#jednostka`,
        type: "foaf:Agent",
        props: [["foaf:name", pl(m.name)]],
      },
    ],
    [
      "dcat:contactPoint",
      {
        id: `${page}#kontakt`,
        type: "vcard:Organization",
        props: [
          ["vcard:fn", pl(m.name)],
          ["vcard:hasURL", iri(page)],
        ],
      },
    ],
    ["dcat:landingPage", iri(page)],
    ["dcat:theme", iri(`${EU}/data-theme/SOCI`)],
    ["dct:accrualPeriodicity", iri(`${EU}/frequency/${d.accrualPeriodicity}`)],
    ["dct:language", iri(`${EU}/language/POL`)],
    ["dct:spatial", iri(`${EU}/country/POL`)],
    ...d.keywords.map((k): [string, Value] => ["dcat:keyword", pl(k)]),
  ];
  if (d.issued) props.push(["dct:issued", { value: d.issued, datatype: "dateTime" }]);
  if (d.modified) props.push(["dct:modified", { value: d.modified, datatype: "dateTime" }]);
  for (const f of DATASET_FORMATS) props.push(["dcat:distribution", distribution(base, m, d, f)]);
  return { id: `${page}#${d.kind}`, type: "dcat:Dataset", props };
}

export function catalogueGraph(input: CatalogueInput): Node {
  const base = input.baseUrl.replace(/\/+$/, "");
  const modified = input.municipalities
    .flatMap((x) => x.datasets.map((d) => d.modified))
    .filter((v): v is string => !!v)
    .sort()
    .at(-1);
  const props: [string, Value][] = [
    ["dct:title", pl(input.title)],
    ["dct:description", pl(input.description)],
    [
      "dct:publisher",
      { id: `${base}/#wydawca`, type: "foaf:Agent", props: [["foaf:name", pl(input.publisher)]] },
    ],
    ["foaf:homepage", iri(`${base}/`)],
    ["dct:language", iri(`${EU}/language/POL`)],
    ["dcat:themeTaxonomy", iri(`${EU}/data-theme`)],
  ];
  if (modified) props.push(["dct:modified", { value: modified, datatype: "dateTime" }]);
  for (const { municipality, datasets } of input.municipalities) {
    for (const d of datasets) props.push(["dcat:dataset", datasetNode(base, municipality, d)]);
  }
  return { id: `${base}/dane/katalog`, type: "dcat:Catalog", props };
}

// ---- JSON-LD ----

function jsonLdValue(v: Value): unknown {
  if ("iri" in v) return { "@id": v.iri };
  if ("props" in v) return jsonLdNode(v);
  if (v.datatype) return { "@value": v.value, "@type": `xsd:${v.datatype}` };
  if (v.lang) return { "@value": v.value, "@language": v.lang };
  return v.value;
}

function jsonLdNode(n: Node): Record<string, unknown> {
  const out: Record<string, unknown> = { "@id": n.id, "@type": n.type };
  for (const [p, v] of n.props) {
    const prev = out[p];
    const val = jsonLdValue(v);
    out[p] = prev === undefined ? val : Array.isArray(prev) ? [...prev, val] : [prev, val];
  }
  return out;
}

export function toJsonLd(graph: Node): string {
  const { rdf: _rdf, ...context } = NS;
  return JSON.stringify({ "@context": context, ...jsonLdNode(graph) });
}

// ---- RDF/XML ----

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function rdfXmlNode(n: Node, indent: string): string {
  const lines = [`${indent}<${n.type} rdf:about="${xml(n.id)}">`];
  for (const [p, v] of n.props) {
    const i = `${indent}  `;
    if ("iri" in v) lines.push(`${i}<${p} rdf:resource="${xml(v.iri)}"/>`);
    else if ("props" in v) lines.push(`${i}<${p}>`, rdfXmlNode(v, `${i}  `), `${i}</${p}>`);
    else if (v.datatype)
      lines.push(`${i}<${p} rdf:datatype="${NS.xsd}${v.datatype}">${xml(v.value)}</${p}>`);
    else if (v.lang) lines.push(`${i}<${p} xml:lang="${v.lang}">${xml(v.value)}</${p}>`);
    else lines.push(`${i}<${p}>${xml(v.value)}</${p}>`);
  }
  lines.push(`${indent}</${n.type}>`);
  return lines.join("\n");
}

export function toRdfXml(graph: Node): string {
  const ns = Object.entries(NS)
    .filter(([k]) => k !== "xsd")
    .map(([k, v]) => `xmlns:${k}="${v}"`)
    .join(" ");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF ${ns}>\n${rdfXmlNode(graph, "  ")}\n</rdf:RDF>\n`;
}
