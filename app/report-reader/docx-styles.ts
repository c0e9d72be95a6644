// Which paragraph styles of a DOCX are headings, and of which level, read from its
// word/styles.xml: a style is a heading when it (or a style it is based on) has an outline
// level — Word's own "heading 1…9", a renamed "Nagłówek 1", a municipality's "Tytuł celu" — and
// a contents entry when it is one of Word's "toc N" styles. mammoth maps only the built-in
// English style names by itself; these rules are added to its style map (decision 042).
import { TOC_CLASS } from "./html-to-text.ts";

type StyleInfo = { name: string; basedOn: string | null; outline: number | null };

const attr = (xml: string, tag: string): string | null =>
  new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`, "u").exec(xml)?.[1] ?? null;

function readStyles(xml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/gu)) {
    const head = m[1] ?? "";
    if (!/w:type="paragraph"/u.test(head)) continue;
    const id = /w:styleId="([^"]*)"/u.exec(head)?.[1];
    if (!id) continue;
    const body = m[2] ?? "";
    const outline = attr(body, "outlineLvl");
    styles.set(id, {
      name: attr(body, "name") ?? id,
      basedOn: attr(body, "basedOn"),
      outline: outline === null ? null : Number(outline),
    });
  }
  return styles;
}

function outlineOf(id: string, styles: Map<string, StyleInfo>): number | null {
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at); at = styles.get(at)?.basedOn ?? null) {
    seen.add(at);
    const style = styles.get(at);
    if (style?.outline !== null && style?.outline !== undefined) return style.outline;
  }
  return null;
}

const quote = (name: string): string => name.replace(/\\/gu, "\\\\").replace(/'/gu, "\\'");

/** mammoth style-map rules for the document's heading and contents styles. */
export function docxStyleMap(stylesXml: string | null): string[] {
  if (!stylesXml) return [];
  const styles = readStyles(stylesXml);
  const rules: string[] = [];
  for (const [id, style] of styles) {
    const selector = `p[style-name='${quote(style.name)}']`;
    if (/^(?:toc|spis treści|spis)\s*\d$/iu.test(style.name)) {
      rules.push(`${selector} => p.${TOC_CLASS}:fresh`);
      continue;
    }
    const outline = outlineOf(id, styles);
    // Outline levels 0…8 are Word's levels 1…9; HTML has six.
    if (outline !== null && outline >= 0 && outline <= 8) {
      rules.push(`${selector} => h${Math.min(outline + 1, 6)}:fresh`);
    }
  }
  return rules;
}
