import { data } from "react-router";

export function parseYear(value: string | undefined): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    throw data("Nieprawidłowy rok w adresie strony.", { status: 404 });
  }
  return year;
}
