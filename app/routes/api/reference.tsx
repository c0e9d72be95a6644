// /api/dokumentacja — the API reference for people, rendered on the server from the same
// OpenAPI document the machines read, so the two cannot disagree.
import type { Route } from "./+types/reference";
import { openApiDocument } from "../../api/openapi.ts";
import { MAX_AGE_SECONDS } from "../../api/respond.ts";
import { DEFAULT_LIMIT, MAX_LIMIT } from "../../api/schemas.ts";
import { getServices } from "../../services.ts";

type Param = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string | string[]; default?: unknown; minimum?: number; maximum?: number };
};
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Param[];
  responses?: Record<string, { description?: string }>;
};

export function loader() {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths ?? {}).map(([path, item]) => {
    const op = (item as { get?: Operation }).get ?? {};
    return {
      path,
      id: op.operationId ?? path,
      summary: op.summary ?? "",
      description: op.description ?? "",
      parameters: (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in === "query" ? "zapytanie" : p.in === "path" ? "ścieżka" : "nagłówek",
        required: !!p.required,
        description: p.description ?? "",
        type: [p.schema?.type].flat().filter(Boolean).join(" | "),
        default: p.schema?.default === undefined ? null : String(p.schema.default),
      })),
      responses: Object.entries(op.responses ?? {}).map(([code, r]) => ({
        code,
        description: r.description ?? "",
      })),
    };
  });
  return {
    title: doc.info.title,
    description: doc.info.description ?? "",
    operations,
    rateLimit: getServices().config.apiRateLimit,
  };
}

export default function ApiReference({ loaderData }: Route.ComponentProps) {
  const { operations, rateLimit } = loaderData;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>Dokumentacja API — Busola</title>
      <h1>Dokumentacja API danych publicznych</h1>
      <p className="lead">{loaderData.description}</p>
      <p>
        Opis maszynowy w formacie OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>.
        Zbiory danych do pobrania (CSV, JSON, XLSX) i katalog DCAT-AP:{" "}
        <a href="/dane/katalog.jsonld">/dane/katalog.jsonld</a>.
      </p>
      <h2>Zasady</h2>
      <ul>
        <li>
          <strong>Wersja.</strong> Adresy zaczynają się od <code>/api/v1/</code>; zmiana niezgodna
          wstecz dostanie nowy numer wersji.
        </li>
        <li>
          <strong>Stronicowanie.</strong> Listy zwracają <code>{"{ data, next }"}</code>.{" "}
          <code>limit</code> to od 1 do {MAX_LIMIT} wyników (domyślnie {DEFAULT_LIMIT}); kolejną
          stronę daje adres z pola <code>next</code> (parametr <code>kursor</code>), na ostatniej
          stronie <code>next</code> jest <code>null</code>.
        </li>
        <li>
          <strong>Filtry.</strong> <code>gmina</code> (identyfikator z adresu albo kod TERYT),{" "}
          <code>dokument</code>, <code>rok</code>, a dla wskaźników także <code>wskaznik</code>.
        </li>
        <li>
          <strong>Pamięć podręczna.</strong> Każda odpowiedź ma nagłówek <code>ETag</code>;
          zapytanie z <code>If-None-Match</code> i tym znacznikiem dostaje 304 bez treści, póki dane
          się nie zmienią. <code>Cache-Control: public, max-age={MAX_AGE_SECONDS}</code>.
        </li>
        <li>
          <strong>CORS.</strong> Odczyt (GET) jest dozwolony z każdej strony:{" "}
          <code>Access-Control-Allow-Origin: *</code>.
        </li>
        <li id="blad-429">
          <strong>Limit zapytań.</strong>{" "}
          {rateLimit > 0
            ? `${rateLimit} zapytań na minutę z jednego adresu; po przekroczeniu odpowiedź 429 z nagłówkiem Retry-After (po ilu sekundach ponowić).`
            : "Ta instalacja nie ogranicza liczby zapytań."}
        </li>
        <li id="blad-400">
          <strong>Błędy</strong> mają typ <code>application/problem+json</code> (RFC 9457): pola{" "}
          <code>type</code>, <code>title</code>, <code>status</code> i <code>detail</code> z opisem
          po polsku.
        </li>
        <li id="blad-404">
          <strong>Dane.</strong> API podaje tylko dane z obowiązujących publikacji (najnowszej
          niewycofanej wersji roku dokumentu). Liczby osób i rodzin poniżej progu są wstrzymane:
          wartość <code>null</code> i <code>status: &quot;withheld&quot;</code>.
        </li>
      </ul>
      <h2>Zasoby</h2>
      <nav aria-label="Spis zasobów">
        <ul>
          {operations.map((o) => (
            <li key={o.id}>
              <a href={`#${o.id}`}>
                <code>GET {o.path}</code>
              </a>{" "}
              — {o.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map((o) => (
        <section key={o.id} aria-labelledby={o.id}>
          <h3 id={o.id}>
            <code>GET {o.path}</code> — {o.summary}
          </h3>
          <p>{o.description}</p>
          {o.path.includes("{") ? null : (
            <p>
              Przykład: <a href={o.path}>{o.path}</a>
            </p>
          )}
          <div className="table-wrapper" tabIndex={0}>
            <table className="table">
              <caption>Parametry: {o.path}</caption>
              <thead>
                <tr>
                  <th scope="col">Nazwa</th>
                  <th scope="col">Miejsce</th>
                  <th scope="col">Typ</th>
                  <th scope="col">Wymagany</th>
                  <th scope="col">Opis</th>
                </tr>
              </thead>
              <tbody>
                {o.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <th scope="row">
                      <code>{p.name}</code>
                    </th>
                    <td>{p.in}</td>
                    <td>{p.type}</td>
                    <td>{p.required ? "tak" : "nie"}</td>
                    <td>
                      {p.description}
                      {p.default !== null ? ` (domyślnie ${p.default})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>Odpowiedzi</h4>
          <dl>
            {o.responses.map((r) => (
              <div key={r.code}>
                <dt>{r.code}</dt>
                <dd>{r.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </main>
  );
}
