// An institution as lists show it: "PUP — Powiatowy Urząd Pracy", but "Prokuratura" once when
// the short name is the name (or there is none).

export function institutionLabel(name: string, shortName: string | null | undefined): string {
  const short = shortName?.trim();
  if (!short || short.toLocaleLowerCase("pl") === name.trim().toLocaleLowerCase("pl")) return name;
  return `${short} — ${name}`;
}
