/** Makes an empty before/after value visible instead of an ambiguous blank cell. */
export function DisplayValue({ value }: { value: string }) {
  if (value.trim() === "") return <span className="muted">(brak wartości)</span>;
  return <span className="preserve-lines">{value}</span>;
}
