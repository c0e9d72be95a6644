// Numbers the way Polish documents write them: "1 588 268,16 zł", "8,5%".
//
// Formatting is done by hand rather than with Intl so that the server, every browser and the
// PDF generator produce byte-identical text. The output deliberately matches
// Intl.NumberFormat("pl-PL") (the tests cross-check it), so text built elsewhere with
// toLocaleString("pl-PL") looks the same.
//
// Grouping convention: the group separator is U+00A0 NO-BREAK SPACE, so a number never breaks
// across lines, and — as in Polish typography and in CLDR's pl-PL data — a 4-digit integer part
// is NOT grouped ("1234", "1234,50 zł") while 5 digits and more are ("12 345").

export { formatDate, formatDateTime } from "./polish-dates.ts";

export const NBSP = "\u00A0";

// Intl's default for pl-PL; keeps a value like 0,125 visible instead of rounding it away.
const DEFAULT_MAX_DECIMALS = 3;

export type FormatNumberOptions = {
  /** Exactly this many decimals (zero-padded). Without it: as many as needed, at most 3. */
  decimals?: number;
};

export function formatNumber(n: number, opts: FormatNumberOptions = {}): string {
  assertFinite(n);
  if (opts.decimals !== undefined) return formatFixed(n, opts.decimals, false);
  return formatFixed(n, DEFAULT_MAX_DECIMALS, true);
}

export function formatMoney(n: number): string {
  assertFinite(n);
  return `${formatFixed(n, 2, false)}${NBSP}zł`;
}

export type FormatPercentOptions = {
  /** Exactly this many decimals. Without it: as many as needed, at most 2. */
  decimals?: number;
};

/** `n` is in percentage points: formatPercent(85) === "85%". No space before "%" (Polish usage). */
export function formatPercent(n: number, opts: FormatPercentOptions = {}): string {
  assertFinite(n);
  const digits =
    opts.decimals !== undefined ? formatFixed(n, opts.decimals, false) : formatFixed(n, 2, true);
  return `${digits}%`;
}

function assertFinite(n: number): void {
  // NaN in a published report is worse than a failed render: fail loudly at the source.
  if (!Number.isFinite(n)) throw new RangeError(`Cannot format a non-finite number: ${n}`);
  // toFixed switches to exponent notation from 1e21 on; no amount or count gets near it.
  if (Math.abs(n) >= 1e21) throw new RangeError(`Number too large to format: ${n}`);
}

function formatFixed(n: number, decimals: number, trimZeros: boolean): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0–20, got ${decimals}`);
  }
  const [intPart = "0", paddedFraction = ""] = Math.abs(n).toFixed(decimals).split(".");
  const fraction = trimZeros ? paddedFraction.replace(/0+$/, "") : paddedFraction;
  // A value that rounds to zero must not print as "-0".
  const isZero = /^0*$/.test(intPart + fraction);
  const sign = n < 0 && !isZero ? "-" : "";
  const grouped = groupThousands(intPart);
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

function groupThousands(intPart: string): string {
  if (intPart.length <= 4) return intPart;
  return intPart.replace(/\B(?=(\d{3})+$)/g, NBSP);
}

// ---------------------------------------------------------------------------------------------
// Parsing what people type or paste: "1 588 268,16", "7.502.449,00", "ok. 600", "6 osób".

export type ParsedNumber = { value: number | null; approximate: boolean };
export type ParseError = { error: string };

export const PARSE_ERROR_NOT_A_NUMBER = "Wpisz liczbę, np. 12 345,67.";
export const PARSE_ERROR_TOO_LARGE = "Ta liczba jest za duża.";

// "ok." is what seed 003 writes ("KPP – ok. 600"); the others are its common variants.
const APPROXIMATE_PREFIX = /^(?:około|ok\.?|ca\.?|~|≈)\s*/iu;
// Minus as typed on a keyboard, as Word autocorrects it (en dash) and the typographic minus.
const SIGN = /^([-+\u2212\u2013])\s*/u;
// A trailing unit or word without digits: "zł", "PLN", "%", "osób", "os.", "rodzin zastępczych".
const TRAILING_UNIT = /^(?:%|\p{L}[\p{L}.]*)(?:\s+\p{L}[\p{L}.]*)*$/u;
const NUMBER_THEN_REST = /^([\d\s.,]*\d|[.,]\d+)\s*(.*)$/su;

export function parsePolishNumber(text: string): ParsedNumber | ParseError {
  let rest = text.replace(/\s+/gu, " ").trim();
  // A lone dash in a table cell means "nothing to report", the same as an empty cell.
  if (rest === "" || /^[-\u2013\u2014]+$/u.test(rest)) return { value: null, approximate: false };

  const approximate = APPROXIMATE_PREFIX.test(rest);
  rest = rest.replace(APPROXIMATE_PREFIX, "");

  let negative = false;
  const sign = SIGN.exec(rest);
  if (sign) {
    negative = sign[1] !== "+";
    rest = rest.slice(sign[0].length);
  }

  const match = NUMBER_THEN_REST.exec(rest);
  if (!match) return { error: PARSE_ERROR_NOT_A_NUMBER };
  const [, numberText = "", unitText = ""] = match;
  if (unitText !== "" && !TRAILING_UNIT.test(unitText)) return { error: PARSE_ERROR_NOT_A_NUMBER };

  const normalized = normalizeDigits(numberText.trim());
  if ("error" in normalized) return normalized;
  const value = Number(normalized.text);
  if (!Number.isFinite(value)) return { error: PARSE_ERROR_NOT_A_NUMBER };
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return { error: PARSE_ERROR_TOO_LARGE };
  return { value: negative && value !== 0 ? -value : value, approximate };
}

/** Turns the digit part into JavaScript's "1234.56" form, deciding which mark is the decimal one. */
function normalizeDigits(s: string): { text: string } | ParseError {
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");

  let intPart: string;
  let fraction = "";
  let groupMark: "." | "," | null = null;

  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: whichever comes last separates decimals ("7.502.449,00", "1,588,268.16").
    const decimalAt = Math.max(lastComma, lastDot);
    groupMark = decimalAt === lastComma ? "." : ",";
    intPart = s.slice(0, decimalAt);
    fraction = s.slice(decimalAt + 1);
  } else if (lastComma >= 0) {
    // A comma is the Polish decimal mark; several commas would be English grouping, which a
    // Polish user never means, so it is rejected rather than guessed.
    if (s.indexOf(",") !== lastComma) return { error: PARSE_ERROR_NOT_A_NUMBER };
    intPart = s.slice(0, lastComma);
    fraction = s.slice(lastComma + 1);
  } else if (lastDot >= 0) {
    if (s.indexOf(".") !== lastDot) {
      groupMark = ".";
      intPart = s;
    } else {
      intPart = s.slice(0, lastDot);
      fraction = s.slice(lastDot + 1);
      // "1.250" is one thousand two hundred fifty in Polish writing ("48.960,00 zł" in seed 002)
      // but 1.25 to a spreadsheet. Neither reading is safe to assume, so ask.
      if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(intPart.trim())) {
        const digits = intPart.trim() + fraction;
        return {
          error: `Nie wiadomo, czy „${s}” to ${digits} czy ${intPart.trim()},${fraction}. Wpisz ${digits} albo ${intPart.trim()},${fraction}.`,
        };
      }
    }
  } else {
    intPart = s;
  }

  if (!/^\d*$/.test(fraction)) return { error: PARSE_ERROR_NOT_A_NUMBER };
  const intDigits = ungroup(intPart.trim(), groupMark);
  if (intDigits === null) return { error: PARSE_ERROR_NOT_A_NUMBER };
  if (intDigits === "" && fraction === "") return { error: PARSE_ERROR_NOT_A_NUMBER };
  return { text: `${intDigits || "0"}${fraction ? `.${fraction}` : ""}` };
}

/** Removes thousands separators, accepting them only between proper groups of three digits. */
function ungroup(intPart: string, groupMark: "." | "," | null): string | null {
  if (/^\d*$/.test(intPart)) return intPart;
  const separator = groupMark === null ? "[ ]" : `[ ${groupMark === "." ? "\\." : ","}]`;
  const grouped = new RegExp(`^\\d{1,3}(?:${separator}\\d{3})+$`);
  if (!grouped.test(intPart)) return null;
  return intPart.replace(/[ .,]/g, "");
}

/** A stored number as a user would type it in a form field: "1234,5", or "" for none. */
export function toFormNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : String(n).replace(".", ",");
}
