import { Link } from "react-router";

export type FirstStepsProps = {
  tenantSlug: string;
  canManageMembers: boolean;
  canImport: boolean;
  canEditStrategy: boolean;
  canManageRounds: boolean;
  institutionCount: number;
};

/** What a municipality without any document does first, in the order that works. */
export function FirstSteps(p: FirstStepsProps) {
  const base = `/g/${p.tenantSlug}`;
  const steps = [
    p.canManageMembers && (
      <>
        <Link to={`${base}/uzytkownicy`}>Dodaj koordynatora i pozostałe osoby</Link> — każda osoba
        dostaje rolę: koordynator, koordynator celu, realizator albo odczyt.
      </>
    ),
    p.canImport && (
      <>
        <Link to={`${base}/import`}>Zaimportuj ostatnie sprawozdanie</Link> (Word, PDF albo HTML) —
        Busola odczyta z niego cele, kierunki, projekty i wskaźniki do sprawdzenia
        {p.canEditStrategy ? (
          <>
            , albo{" "}
            <Link to={`${base}/struktura/dokumenty/nowy`}>zbuduj strukturę dokumentu ręcznie</Link>
          </>
        ) : null}
        .
      </>
    ),
    p.canEditStrategy && (
      <>
        <Link to={`${base}/instytucje`}>Dodaj instytucje realizujące</Link>
        {p.institutionCount > 0 ? ` (jest ich już ${p.institutionCount})` : ""} — ośrodek, PUP,
        szkoły, organizacje pozarządowe.
      </>
    ),
    p.canManageRounds && (
      <>
        <Link to={`${base}/sprawozdawczosc`}>Otwórz rundę sprawozdawczą</Link> — realizatorzy
        dostaną zaproszenia i swoje zadania.
      </>
    ),
  ].filter(Boolean);
  if (steps.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="first-steps-title">
      <h2 id="first-steps-title">Pierwsze kroki</h2>
      <ol>
        {steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
