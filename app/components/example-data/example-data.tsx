// The mark of generated example data (the demo's earlier years, decision 054): a tag beside a
// year or a value, and a sentence where a whole page or chart shows such years.
import { StatusTag } from "../status-tag/status-tag.tsx";

export const EXAMPLE_DATA_LABEL = "dane przykładowe";

/** "2019 r. — dane przykładowe": the words, not a colour, tell real data from generated. */
export function ExampleDataTag() {
  return (
    <span className="example-data">
      <StatusTag tone="blue">{EXAMPLE_DATA_LABEL}</StatusTag>
    </span>
  );
}

/** The chart note or page sentence naming the example years. */
export function exampleDataNote(years: number[]): string | undefined {
  if (years.length === 0) return undefined;
  const list = [...years].sort((a, b) => a - b).join(", ");
  const word = years.length === 1 ? "Rok" : "Lata";
  return `${word} ${list}: dane przykładowe (wygenerowane do demonstracji, nie pochodzą ze sprawozdania).`;
}

export function ExampleDataNotice({ years }: { years: number[] }) {
  const note = exampleDataNote(years);
  if (!note) return null;
  return (
    <p className="example-data__notice">
      <ExampleDataTag /> {note}
    </p>
  );
}
