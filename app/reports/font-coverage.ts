// Which characters the report fonts can draw, read from their cmap tables. PDF/A forbids a
// missing glyph, so Typst refuses a character no font has; the PDF renderer replaces such
// characters with U+FFFD first (decision 028). Only the two cmap formats fonts use for Unicode
// are read: 4 (the Basic Multilingual Plane) and 12 (every plane).

/** The code points a font maps to a glyph. */
export function fontCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16;
    if (view.getUint32(rec) === 0x636d6170 /* "cmap" */) cmap = view.getUint32(rec + 8);
  }
  const out = new Set<number>();
  if (cmap < 0) return out;
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const at = cmap + view.getUint32(cmap + 8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(at);
    if (format === 4) readFormat4(view, at, out);
    else if (format === 12) readFormat12(view, at, out);
  }
  return out;
}

function readFormat4(view: DataView, at: number, out: Set<number>): void {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const offsetAt = offsets + s * 2;
    const offset = view.getUint16(offsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (offset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = view.getUint16(offsetAt + offset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(view: DataView, at: number, out: Set<number>): void {
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const rec = at + 16 + g * 12;
    const start = view.getUint32(rec);
    const end = view.getUint32(rec + 4);
    const glyph = view.getUint32(rec + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
}

// Characters that draw nothing of their own: they only join, break or direct what is around
// them, and Typst handles them without a glyph.
const INVISIBLE: [number, number][] = [
  [0x09, 0x0d],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe01ef],
];
const invisible = (c: number) => INVISIBLE.some(([from, to]) => c >= from && c <= to);

/** The text with every character that none of the fonts can draw replaced by U+FFFD. */
export function drawable(text: string, covered: Set<number>): string {
  // U+FFFD where a font has it; "?" otherwise, so the stand-in is always drawable itself.
  const standIn = covered.has(0xfffd) ? "\uFFFD" : "?";
  let out = "";
  for (const ch of text.toWellFormed()) {
    const c = ch.codePointAt(0)!;
    out += covered.has(c) || invisible(c) ? ch : standIn;
  }
  return out;
}
