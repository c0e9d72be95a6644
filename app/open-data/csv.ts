// CSV as the Polish open-data technical standard and RFC 4180 ask: UTF-8 without a byte-order
// mark, comma-separated, one header row of column names, CRLF line ends, a field quoted when it
// holds a comma, a quote, a line break or edge spaces (quotes doubled), dot decimals without
// grouping, ISO 8601 dates, empty field for no value. Pure.
import type { Cell, Column, Row } from "../domain/open-data/types.ts";

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A number in plain decimal notation: never "1e-7", never a thousands separator. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Number.isInteger(n)) return BigInt(n).toString();
  return n.toFixed(20).replace(/\.?0+$/, "");
}

export function csvCell(value: Cell): string {
  if (value === null) return "";
  const s =
    typeof value === "number"
      ? plainNumber(value)
      : typeof value === "boolean"
        ? String(value)
        : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: Column[], rows: Row[]): string {
  const lines = [columns.map((c) => csvCell(c.key)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
