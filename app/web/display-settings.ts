// The public portal's font-size and contrast switches (WCAG 1.4.4, 1.4.3): a cookie set by a
// plain GET link (routes/public/display-settings.tsx), read by the root layout into a class on
// <html> — so they work without JavaScript and persist. Pure parsing; no secrets in it.
export const DISPLAY_COOKIE = "busola_widok";
export const FONT_SIZES = ["domyslna", "srednia", "duza"] as const;
export type FontSize = (typeof FONT_SIZES)[number];
export type DisplaySettings = { size: FontSize; contrast: boolean };

export function readDisplaySettings(cookieHeader: string | null): DisplaySettings {
  const raw = (cookieHeader ?? "")
    .split(/;\s*/u)
    .find((c) => c.startsWith(`${DISPLAY_COOKIE}=`))
    ?.slice(DISPLAY_COOKIE.length + 1);
  const [size, contrast] = (raw ?? "").split(".");
  return {
    size: (FONT_SIZES as readonly string[]).includes(size ?? "") ? (size as FontSize) : "domyslna",
    contrast: contrast === "kontrast",
  };
}

export function displayCookieValue(s: DisplaySettings): string {
  return `${s.size}.${s.contrast ? "kontrast" : "zwykly"}`;
}

/** The classes on <html>: none for the defaults. */
export function displayClassName(s: DisplaySettings | undefined): string | undefined {
  if (!s) return undefined;
  const classes = [
    s.size === "srednia" ? "font-medium" : s.size === "duza" ? "font-large" : "",
    s.contrast ? "high-contrast" : "",
  ].filter(Boolean);
  return classes.length ? classes.join(" ") : undefined;
}
