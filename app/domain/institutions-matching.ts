// Which stored institution a name written in a report means (decision 044): the same name or
// short code, an acronym of the other's name ("MOPS" ↔ "Miejski Ośrodek Pomocy Społecznej w
// Rudzie Śląskiej"), the same name without its place ("… w Rudzie Śląskiej"), or a name that
// differs only slightly (Dice similarity of words). Pure: safe for the plan and the browser.
import { institutionKey, nameKey } from "./import-drafts/matching.ts";

export type InstitutionLike = { id: string; name: string; shortName: string | null };
export type InstitutionMatch = { id: string; by: "name" | "short" | "acronym" | "similar" };

const SIMILAR = 0.85;

/** "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej" → "MOPS" (the place is not in it). */
export function acronymOf(name: string): string {
  const withoutPlace = withoutPlaceOf(name);
  const words = withoutPlace.split(/[\s-]+/u).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2
    ? words
        .map((w) => w[0])
        .join("")
        .toUpperCase()
    : "";
}

/** The name without " w Rudzie Śląskiej", " we Wrocławiu", " z siedzibą w …". */
export function withoutPlaceOf(name: string): string {
  return name.replace(/\s+(?:z siedzibą\s+)?we?\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*$/u, "");
}

/** Looks like a short code: "PUP", "UM WEiSS", "KPP", "ŚDS". */
export function isShortCode(text: string): boolean {
  return (
    /^[\p{Lu}][\p{Lu}\p{Ll}]{0,2}[\p{Lu}][\p{L}]*(?:\s[\p{Lu}][\p{L}]*)?$/u.test(text) &&
    text.length <= 12 &&
    (text.match(/\p{Lu}/gu) ?? []).length >= 2
  );
}

function words(s: string): string[] {
  return nameKey(s)
    .split(" ")
    .filter((w) => w.length > 1);
}

function dice(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const pool = [...wb];
  let common = 0;
  for (const w of wa) {
    const k = pool.indexOf(w);
    if (k >= 0) {
      common++;
      pool.splice(k, 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

export function matchInstitution(
  written: string,
  stored: InstitutionLike[],
): InstitutionMatch | null {
  const key = institutionKey(written);
  if (!key) return null;
  const byName = stored.find((i) => institutionKey(i.name) === key);
  if (byName) return { id: byName.id, by: "name" };
  const byShort = stored.find((i) => i.shortName && institutionKey(i.shortName) === key);
  if (byShort) return { id: byShort.id, by: "short" };
  const acronym = acronymOf(written);
  const byAcronym = stored.find(
    (i) =>
      (isShortCode(written) && acronymOf(i.name) === written.toUpperCase()) ||
      (acronym !== "" && i.shortName !== null && i.shortName.toUpperCase() === acronym) ||
      (acronym !== "" && isShortCode(i.name) && i.name.toUpperCase() === acronym),
  );
  if (byAcronym) return { id: byAcronym.id, by: "acronym" };
  const bare = institutionKey(withoutPlaceOf(written));
  const byPlace = stored.find((i) => institutionKey(withoutPlaceOf(i.name)) === bare);
  if (byPlace) return { id: byPlace.id, by: "similar" };
  const best = stored
    .map((i) => ({ i, score: dice(withoutPlaceOf(written), withoutPlaceOf(i.name)) }))
    .sort((a, b) => b.score - a.score)[0];
  return best && best.score >= SIMILAR ? { id: best.i.id, by: "similar" } : null;
}

/** The kind of a new institution, from the words of its name. */
export function institutionKindOf(name: string): string {
  if (/stowarzysz|fundacj|caritas|towarzystw|związek|klub/iu.test(name)) return "ngo";
  if (/szkoł|przedszkol|poradni\p{L}* psychologiczno|zespół szkół|liceum/iu.test(name))
    return "school";
  if (/parafi|kości|diecez/iu.test(name)) return "church";
  if (/\bsąd|kurator|prokurat/iu.test(name)) return "court";
  if (/szpital|zakład opieki zdrowotnej|\bZOZ\b|przychodni|sanepid/iu.test(name)) return "health";
  if (/policj|\bKPP\b|\bKMP\b|urząd pracy|\bPUP\b|\bZUS\b|straż graniczn/iu.test(name))
    return "state_agency";
  if (
    /ośrodek pomocy|\bMOPS|\bGOPS|\bMOPR|\bPCPR|centrum usług|urząd miasta|urząd gminy|straż miejsk|\bUM\b/iu.test(
      name,
    )
  )
    return "municipal_unit";
  return "other";
}
