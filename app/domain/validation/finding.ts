import { formatMoney, formatNumber } from "../../format/polish-numbers.ts";
import { isMoneyUnit } from "./units.ts";
import type { Finding, Severity } from "./types.ts";

// Values are entered with at most two decimals (grosze), so anything under half a grosz is
// floating-point noise, while a difference of one grosz is a real mismatch: the seed's correct
// budgets add up to the grosz.
export const SUM_TOLERANCE = 0.005;

export function differs(a: number, b: number): boolean {
  return Math.abs(a - b) >= SUM_TOLERANCE;
}

export function sum(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + v, 0);
}

/** A number that takes part in a finding; `approximate` marks values written with "ok.". */
export type Involved = number | null | { value: number; approximate?: boolean | undefined };

/**
 * The key changes whenever one of the involved numbers changes, which is what makes a stored
 * acknowledgement go stale. `scope` keeps apart findings of one rule on different values.
 */
export function makeFinding(args: {
  code: string;
  severity: Severity;
  message: string;
  field?: string;
  scope: string;
  involved?: readonly Involved[];
}): Finding {
  const numbers = (args.involved ?? []).map(fingerprintOf).join(",");
  const finding: Finding = {
    code: args.code,
    severity: args.severity,
    message: args.message,
    key: `${args.code}:${args.scope}${numbers ? `=${numbers}` : ""}`,
  };
  if (args.field !== undefined) finding.field = args.field;
  return finding;
}

function fingerprintOf(n: Involved): string {
  if (n === null) return "";
  if (typeof n === "number") return String(n);
  return `${n.approximate ? "~" : ""}${String(n.value)}`;
}

/** Formats a value in the indicator's unit: money with grosze and "zł", anything else as a number. */
export function formatInUnit(n: number, unit: string, approximate = false): string {
  const text = isMoneyUnit(unit) ? formatMoney(n) : formatNumber(n);
  return approximate ? `ok. ${text}` : text;
}

export function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === "";
}
