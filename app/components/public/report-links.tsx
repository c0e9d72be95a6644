// The public report of a published year in every layout and format, made from the snapshot.
import { FORMAT_LABELS, reportFilePath } from "./paths.ts";

const LAYOUTS = [
  { layout: "karty", label: "karty projektów" },
  { layout: "wskazniki", label: "tabele wskaźników" },
] as const;
const FORMATS = ["html", "pdf", "docx"] as const;

export function ReportLinks({ slug, doc, year }: { slug: string; doc: string; year: number }) {
  return (
    <ul className="public-files">
      {LAYOUTS.flatMap(({ layout, label }) =>
        FORMATS.map((format) => (
          <li key={`${layout}.${format}`}>
            <a href={reportFilePath(slug, doc, year, layout, format)}>
              Sprawozdanie za {year} r. — {label} ({FORMAT_LABELS[format]})
            </a>
          </li>
        )),
      )}
    </ul>
  );
}
