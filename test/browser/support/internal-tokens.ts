// Internal tokens that must never reach a person: identifiers, ISO dates and English words.

/** English words a Polish screen must not show (enum values, placeholders, leaked JSON). */
export const ENGLISH_WORDS = [
  "undefined",
  "null",
  "NaN",
  "true",
  "false",
  "yes",
  "none",
  "other",
  "draft",
  "submitted",
  "accepted",
  "returned",
  "pending",
  "error",
  "warning",
  "total",
  "value",
  "created",
  "updated",
  "strategy",
  "product",
  "result",
  "increase",
  "decrease",
  "achieved",
  "partly",
  "renamed",
  "finished",
  "object",
];

const ENGLISH = new RegExp(`(?<![\\p{L}@.])(${ENGLISH_WORDS.join("|")})(?![\\p{L}])`, "giu");
const SNAKE = /(?<![\p{L}\d@./-])[a-z]+(?:_[a-z\d]+)+(?![\p{L}\d])/gu;
const CAMEL = /(?<![\p{L}\d@./-])[a-z]+(?:[A-Z][a-z]+)+(?![\p{L}\d])/gu;
/** "Prokuratura — Prokuratura": a name shown twice when it equals its short name. */
const DOUBLED = /(?<![\p{L}])(\p{L}[\p{L} .]*?) — \1(?![\p{L}])/gu;
const ISO = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}[^\s]*)?\b/g;

/** Each internal token found in the text, with its kind, e.g. "snake_case: carried_out". */
export function internalTokens(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(SNAKE)) found.add(`snake_case: ${m[0]}`);
  for (const m of text.matchAll(CAMEL)) found.add(`camelCase: ${m[0]}`);
  for (const m of text.matchAll(ISO)) found.add(`ISO date: ${m[0]}`);
  for (const m of text.matchAll(ENGLISH)) found.add(`English: ${m[0]}`);
  for (const m of text.matchAll(/\S*\(\s*\)/g)) found.add(`empty parentheses: ${m[0]}`);
  for (const m of text.matchAll(/\S*r\.\./g)) found.add(`double dot: ${m[0]}`);
  for (const m of text.matchAll(DOUBLED)) found.add(`doubled name: ${m[0]}`);
  return [...found];
}
