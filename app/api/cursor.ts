// Cursor pagination over a list sorted by a stable key: the cursor names the last item of the
// page ("after this key"), so pages stay consistent when a publication is added between two
// requests. Opaque to clients (base64url of JSON); a malformed cursor is a 400, not a crash.
export type Keyed = { key: string };

export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ after: key }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (parsed && typeof parsed === "object" && "after" in parsed) {
      const after = (parsed as { after: unknown }).after;
      return typeof after === "string" ? after : null;
    }
  } catch {
    // fall through: not ours
  }
  return null;
}

/** One page of `items` (sorted by key) after the cursor's key, and the key to continue from. */
export function pageAfter<T extends Keyed>(
  items: T[],
  after: string | null,
  limit: number,
): { items: T[]; nextKey: string | null } {
  let start = 0;
  if (after !== null) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.key <= after) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const page = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return { items: page, nextKey: more ? page.at(-1)!.key : null };
}

export function byKey(a: Keyed, b: Keyed): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
