// The many ways a remarks cell writes "this institution did that many", rewritten into the one
// form the splitter reads ("PUP – 725"):
//   "PUP: 725", "PUP (725)", "PUP (725 osób)"         → "PUP – 725 …"
//   "725 – PUP", "725 osób – PUP", "725 (PUP)"        → "PUP – 725 …"
//   items separated by new lines or "oraz"           → separated by ";" / ","
// Only whole, unambiguous shapes are rewritten: a colon or parenthesis after a word that does
// not look like a name ("w tym: 5", "(45 miejsc)" after prose) is left as written, so the
// "w tym" and note handling of contributions.ts sees the text it always saw.

/** A value as remarks write it: "ok. 1 294", "725", "2,5", with an optional counted noun. */
const AMOUNT = String.raw`(?:(?:ok\.|około|ca\.?|~)\s*)?\d{1,3}(?:[  ]\d{3})*(?:,\d+)?|\d+(?:,\d+)?`;
const UNIT = String.raw`(?:\s+\p{Ll}{1,20}\.?)?`;
// The last word of a name: an acronym, a capitalised word, a compound ("Fundacja/CIS") or a
// closing quote of a quoted name ("WTZ „Szansa”").
const NAME_END = String.raw`(?:\p{Lu}[\p{L}\-/.]*|[”"»])`;

const COLON_FORM = new RegExp(String.raw`(${NAME_END})\s*:\s*(?=(?:${AMOUNT})(?!\s*[-–—]))`, "gu");
const PAREN_FORM = new RegExp(
  String.raw`(${NAME_END})\s*\(\s*((?:${AMOUNT})${UNIT})(\s*[,;]?\s*w\s+tym[^()]*)?\s*\)`,
  "gu",
);
const NUMBER_FIRST = new RegExp(
  String.raw`^\s*((?:${AMOUNT})${UNIT})\s*(?:[-–—:]\s*|\(\s*)(\p{Lu}[^()\d]*?)\s*\)?\s*$`,
  "u",
);
const ITEM_SEPARATOR = /(\s*;\s*|\s*,\s+|\s+oraz\s+)/u;

/** New lines and "oraz" separate items the way a semicolon and a comma do. */
function separateItems(text: string): string {
  return (
    text
      .split(/\r\n|\r|\n/u)
      .map((line) => line.trim())
      .filter((line) => line !== "")
      // A line that starts with a dash or colon carries the value of the name above it.
      .reduce(
        (text, line) =>
          text === "" ? line : `${text}${/^[-–—:]/u.test(line) ? " " : "; "}${line}`,
        "",
      )
      .replace(/\s+oraz\s+(?=\p{Lu}|\d)/gu, ", ")
  );
}

// "1 500 – MOPS 242 – Caritas": number-first items whose line breaks a conversion dropped.
const NUMBER_FIRST_RUN = new RegExp(
  String.raw`^(?:\s*(?:${AMOUNT})${UNIT}\s*[-–—]\s*\p{Lu}[^\d;,]*?)+\s*$`,
  "u",
);
const NUMBER_FIRST_ITEM = new RegExp(
  String.raw`\s*((?:${AMOUNT})${UNIT})\s*[-–—]\s*(\p{Lu}[^\d;,]*?)(?=\s+(?:${AMOUNT})${UNIT}\s*[-–—]|\s*$)`,
  "gu",
);

/** "725 – PUP" → "PUP – 725", item by item, only where every name-first reading fails. */
function swapNumberFirst(text: string): string {
  if (!ITEM_SEPARATOR.test(text) && NUMBER_FIRST_RUN.test(text)) {
    const items = [...text.matchAll(NUMBER_FIRST_ITEM)];
    if (items.length > 1) {
      return items.map((m) => `${(m[2] ?? "").trim()} – ${(m[1] ?? "").trim()}`).join("; ");
    }
  }
  const parts = text.split(ITEM_SEPARATOR);
  const swapped = parts.map((part, k) => {
    if (k % 2 === 1) return part; // a separator
    const m = NUMBER_FIRST.exec(part);
    if (!m || /\bw\s+tym\b/iu.test(part)) return part;
    const [, amount = "", name = ""] = m;
    return `${name.trim()} – ${amount.trim()}`;
  });
  return swapped.join("");
}

/** The remarks rewritten into "Name – value" items; text that is not a contribution is kept. */
export function canonicalContributions(remarks: string): string {
  const separated = separateItems(remarks);
  return swapNumberFirst(separated)
    .replace(
      PAREN_FORM,
      (_all, name: string, amount: string, ofWhich: string | undefined) =>
        `${name} – ${amount}${ofWhich ?? ""}`,
    )
    .replace(COLON_FORM, (_all, name: string) => `${name} – `);
}
