// The voivodeship of a municipality from the first two digits of its TERYT code. Pure.
const VOIVODESHIPS: Record<string, string> = {
  "02": "dolnośląskie",
  "04": "kujawsko-pomorskie",
  "06": "lubelskie",
  "08": "lubuskie",
  "10": "łódzkie",
  "12": "małopolskie",
  "14": "mazowieckie",
  "16": "opolskie",
  "18": "podkarpackie",
  "20": "podlaskie",
  "22": "pomorskie",
  "24": "śląskie",
  "26": "świętokrzyskie",
  "28": "warmińsko-mazurskie",
  "30": "wielkopolskie",
  "32": "zachodniopomorskie",
};

export function voivodeshipOf(teryt: string): string {
  return VOIVODESHIPS[teryt.slice(0, 2)] ?? "inne";
}

/** The voivodeship's name for its two-digit TERYT code, or null for an unknown code. */
export function voivodeshipName(code: string): string | null {
  return VOIVODESHIPS[code] ?? null;
}
