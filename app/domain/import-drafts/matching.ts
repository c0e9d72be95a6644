// How an imported item is recognised as one already stored: strategy codes and project symbols
// are compared as written (without spaces and brackets), names after folding case, diacritics,
// quotes, dashes and spacing — the differences a later year's report or a PDF conversion makes.

export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/gu, "l")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[„”"“'’«»()[\]]/gu, "")
    .replace(/[-–—]/gu, " ")
    .replace(/[.,;:!?]+$/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

export function codeKey(code: string): string {
  return code.replace(/[\s[\]()]/gu, "").toUpperCase();
}

/** Institution names as reports write them: "Poradnia Psychologiczno- Pedagogiczna", "UM WEiSS". */
export function institutionKey(name: string): string {
  return nameKey(name).replace(/\s+/gu, "");
}
