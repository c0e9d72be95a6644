// A label or number with its unit of measure: "Wartość (osoby)", "12 osoby" — and without a
// unit simply "Wartość", "12", never "Wartość ()" or "12 ()".

export function labelInUnit(label: string, unit: string | null | undefined): string {
  const u = unit?.trim();
  return u ? `${label} (${u})` : label;
}

export function numberInUnit(number: string, unit: string | null | undefined): string {
  const u = unit?.trim();
  return u ? `${number} ${u}` : number;
}
