// "K- 9, M- 15, ogółem 24", "K – 6, M – 9", "(K:3, M:4)": a value split by sex, as reports write
// it. The parts are a breakdown of the total, never added to it; whether they sum up is for the
// validation rules to say, not for the reader to correct.
import { parsePolishNumber } from "../format/polish-numbers.ts";

export type SexBreakdown = {
  women: number;
  men: number;
  /** "ogółem …" when written; null when only K and M are given. */
  total: number | null;
};

const NUMBER = String.raw`\d{1,3}(?:[ \u00A0]\d{3})+(?![\d,])|\d+`;
const PATTERN = new RegExp(
  String.raw`(?<![\p{L}])K\s*[-–:]?\s*(${NUMBER})\s*[,;]?\s*M\s*[-–:]?\s*(${NUMBER})(?:\s*[,;]?\s*(?:ogółem|razem|łącznie)\s*[-–:]?\s*(${NUMBER}))?`,
  "u",
);

const value = (s: string | undefined): number | null => {
  if (!s) return null;
  const parsed = parsePolishNumber(s);
  return "error" in parsed ? null : parsed.value;
};

export function readSexBreakdown(text: string): SexBreakdown | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const women = value(m[1]);
  const men = value(m[2]);
  if (women === null || men === null) return null;
  return { women, men, total: value(m[3]) };
}

/** The breakdown rows an indicator value stores (dimension "sex"). */
export function sexBreakdownRows(b: SexBreakdown) {
  return [
    { dimension: "sex" as const, label: "kobiety", value: b.women },
    { dimension: "sex" as const, label: "mężczyźni", value: b.men },
  ];
}
