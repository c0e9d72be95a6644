// The rendered-page store of the page cache (decision 037): HTML documents kept as templates
// whose per-response parts — the CSP nonce and the CSRF token — are slots filled anew for each
// answer. Entries are keyed by the viewer's stamp (user, role, institution, goals, the
// municipality and its data version), the URL and the display settings; an entry of an older
// data version is dropped as soon as a newer one is seen. Bounded by bytes, least recently
// used first. Pure bookkeeping: no database, no HTTP.
import type { ViewerStamp } from "../../domain/auth/viewer-stamp.ts";

/** What a stored page was rendered for; a lookup must present the very same. */
export type ViewerKeyParts = Omit<ViewerStamp, "sessionExpiresAt">;

export type PageHeaders = [name: string, value: string][];

type Slot = "nonce" | "csrf";

export type StoredPage = {
  tenantId: string;
  dataVersion: number;
  status: number;
  headers: PageHeaders;
  /** Literal bytes between the slots: `chunks.length === slots.length + 1`. */
  chunks: Buffer[];
  slots: Slot[];
  address: string;
  bytes: number;
};

/** `day`: the Warsaw calendar day the page was rendered on: pages count days to deadlines. */
export type PageRequest = { url: URL; display: string; day: string };

/** One string per viewer: two viewers with the same key see byte-identical pages. */
export function viewerKey(v: ViewerKeyParts): string {
  const goals = v.role === "goal_coordinator" ? v.goalIds : "";
  return [
    v.tenantId,
    v.dataVersion,
    v.tenantSlug,
    v.tenantName,
    v.userId,
    v.email,
    v.name,
    v.isSystemAdmin ? "sys" : "",
    v.role ?? "",
    v.institutionId ?? "",
    goals,
  ].join("\u0000");
}

export function pageAddress(url: URL): string {
  return url.pathname + url.search;
}

function entryKey(viewer: ViewerKeyParts, page: PageRequest): string {
  return `${viewerKey(viewer)}\u0001${pageAddress(page.url)}\u0001${page.display}\u0001${page.day}`;
}

/** Cuts the HTML at every occurrence of the nonce and the CSRF token. */
export function toTemplate(
  html: string,
  values: { nonce: string; csrf: string },
): { chunks: Buffer[]; slots: Slot[] } {
  const chunks: Buffer[] = [];
  const slots: Slot[] = [];
  let from = 0;
  for (;;) {
    const n = html.indexOf(values.nonce, from);
    const c = html.indexOf(values.csrf, from);
    if (n < 0 && c < 0) break;
    const slot: Slot = c < 0 || (n >= 0 && n < c) ? "nonce" : "csrf";
    const at = slot === "nonce" ? n : c;
    chunks.push(Buffer.from(html.slice(from, at)));
    slots.push(slot);
    from = at + values[slot].length;
  }
  chunks.push(Buffer.from(html.slice(from)));
  return { chunks, slots };
}

/**
 * The template filled with this answer's nonce and CSRF token, as the list of buffers to write:
 * no copy of the page is made per answer (a 130 KB copy per request showed up as garbage
 * collection in the profile).
 */
export function fillTemplate(page: StoredPage, values: { nonce: string; csrf: string }): Buffer[] {
  const filled = { nonce: Buffer.from(values.nonce), csrf: Buffer.from(values.csrf) };
  const parts: Buffer[] = [page.chunks[0]!];
  page.slots.forEach((slot, i) => {
    parts.push(filled[slot], page.chunks[i + 1]!);
  });
  return parts;
}

export function byteLength(parts: Buffer[]): number {
  return parts.reduce((n, p) => n + p.length, 0);
}

export class PageStore {
  private readonly entries = new Map<string, StoredPage>();
  /** The newest data version seen per municipality; older entries are dead. */
  private readonly newest = new Map<string, number>();
  /** How many entries answer each address (path and query). */
  private readonly addresses = new Map<string, number>();
  private bytes = 0;

  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** A page is stored only if the data version it was rendered under is still the newest. */
  put(
    viewer: ViewerKeyParts,
    page: PageRequest,
    stored: Omit<StoredPage, "bytes" | "address">,
  ): void {
    if (!this.seeVersion(viewer.tenantId, viewer.dataVersion)) return;
    const bytes = stored.chunks.reduce((n, c) => n + c.length, 0);
    if (bytes > this.maxBytes / 4) return;
    const key = entryKey(viewer, page);
    const address = pageAddress(page.url);
    this.drop(key);
    this.entries.set(key, { ...stored, address, bytes });
    this.addresses.set(address, (this.addresses.get(address) ?? 0) + 1);
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) this.drop(this.entries.keys().next().value!);
  }

  get(viewer: ViewerKeyParts, page: PageRequest): StoredPage | undefined {
    if (!this.seeVersion(viewer.tenantId, viewer.dataVersion)) return undefined;
    const key = entryKey(viewer, page);
    const hit = this.entries.get(key);
    if (hit) {
      // Least recently used goes first: a hit moves to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Whether any entry might answer this address (spares the viewer query otherwise). */
  mayHold(url: URL): boolean {
    return this.addresses.has(pageAddress(url));
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.newest.clear();
    this.addresses.clear();
    this.bytes = 0;
  }

  /** False for a version older than one already seen; a newer one drops the tenant's entries. */
  private seeVersion(tenantId: string, version: number): boolean {
    const newest = this.newest.get(tenantId);
    if (newest !== undefined && version < newest) return false;
    if (newest === undefined || version > newest) {
      this.newest.set(tenantId, version);
      for (const [key, e] of this.entries) if (e.tenantId === tenantId) this.drop(key);
    }
    return true;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.bytes;
    const left = (this.addresses.get(e.address) ?? 1) - 1;
    if (left > 0) this.addresses.set(e.address, left);
    else this.addresses.delete(e.address);
  }
}
