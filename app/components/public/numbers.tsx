// A number on a public page: Polish formatting, or "poniżej progu" when it is withheld.
import { WITHHELD_LABEL } from "../../domain/publication/suppress.ts";
import { formatInUnit } from "../../domain/validation/finding.ts";

export function PublicNumber({
  value,
  unit,
  withheld,
  approximate = false,
}: {
  value: number | null;
  unit: string;
  withheld?: boolean;
  approximate?: boolean;
}) {
  if (withheld) return <span className="public-withheld">{WITHHELD_LABEL}</span>;
  if (value === null) return <span>brak danych</span>;
  return <span>{formatInUnit(value, unit, approximate)}</span>;
}
