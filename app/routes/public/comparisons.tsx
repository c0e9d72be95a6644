// The comparison between municipalities (decision 057): the dictionary of common indicators,
// each with how many municipalities publish it. Published data only; no account needed.
import type { Route } from "./+types/comparisons";
import { comparisonPath, COMPARISONS_PATH } from "../../components/public/paths.ts";
import { Table } from "../../components/table/table.tsx";
import { dictionaryCoverage } from "../../domain/comparison/comparison.ts";
import { DICTIONARY_VERSION } from "../../domain/comparison/dictionary.ts";
import { labelOf } from "../../domain/value-labels.ts";
import { countOf } from "../../format/polish-plural.ts";
import { requestReadDb } from "../../web/read-db.server.ts";
import { run } from "../../web/auth.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS } from "./public.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  return run(async () => {
    const coverage = await dictionaryCoverage({ db: await requestReadDb(), actor: null });
    const areas = new Map<string, typeof coverage>();
    for (const e of coverage) areas.set(e.area, [...(areas.get(e.area) ?? []), e]);
    return {
      version: DICTIONARY_VERSION,
      canonical: absoluteUrl(request, COMPARISONS_PATH),
      areas: [...areas.entries()].map(([area, entries]) => ({
        area,
        label: labelOf("dictionaryArea", area),
        entries: entries.map((e) => ({
          code: e.code,
          name: e.name,
          unit: e.unit,
          municipalities: e.municipalities,
        })),
      })),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

function municipalitiesText(n: number): string {
  if (n === 0) return "żadna gmina";
  return countOf(n, "gmina", "gminy", "gmin");
}

export default function Comparisons({ loaderData: d }: Route.ComponentProps) {
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>Porównanie gmin — Busola</title>
      <link rel="canonical" href={d.canonical} />
      <h1>Porównanie gmin</h1>
      <p>
        Wskaźniki wspólne to liczby, które gminy sprawozdają w ten sam sposób (według tej samej
        definicji i tego samego sprawozdania krajowego). Każda gmina sama przypisuje swoje wskaźniki
        do pozycji słownika. Porównanie pokazuje wyłącznie dane opublikowane przez gminy.
      </p>
      <p className="caption">Wersja słownika: {d.version}.</p>
      {d.areas.map((a) => (
        <section key={a.area} aria-labelledby={`obszar-${a.area}`}>
          <h2 id={`obszar-${a.area}`}>{a.label}</h2>
          <Table
            caption={`Wskaźniki wspólne — ${a.label}`}
            headers={["Kod", "Wskaźnik", "Jednostka", "Publikuje"]}
          >
            {a.entries.map((e) => (
              <tr key={e.code}>
                <td>{e.code}</td>
                <th scope="row">
                  <a href={comparisonPath(e.code)}>{e.name}</a>
                </th>
                <td>{e.unit}</td>
                <td>{municipalitiesText(e.municipalities)}</td>
              </tr>
            ))}
          </Table>
        </section>
      ))}
    </main>
  );
}
