// Public answers cached in the process by tenant and publication (decision 032): a key names
// the publications it was built from, so a new version is a new key by itself; publishing and
// withdrawing also drop the tenant's entries, since a withdrawal changes what a key means.
const MAX_PER_TENANT = 2000;
const entries = new Map<string, Map<string, Promise<unknown>>>();

export async function cachedPublic<T>(
  tenantId: string,
  key: string,
  build: () => Promise<T>,
): Promise<T> {
  let forTenant = entries.get(tenantId);
  if (!forTenant) {
    forTenant = new Map();
    entries.set(tenantId, forTenant);
  }
  const hit = forTenant.get(key);
  if (hit) return hit as Promise<T>;
  if (forTenant.size >= MAX_PER_TENANT) forTenant.clear();
  const promise = build();
  forTenant.set(key, promise);
  // A failed build is not remembered: the next request tries again.
  promise.catch(() => forTenant.delete(key));
  return promise;
}

/**
 * Counts the changes of what the public sees (publishing, withdrawing, the public settings):
 * the page cache keys rendered public pages by it (decision 078). Under a Symbol.for key, as
 * the HTTP server reads it from another module graph than the routes that bump it.
 */
const GENERATION = Symbol.for("busola.public-generation");
type GenerationHolder = { [GENERATION]?: number };

export function publicGeneration(): number {
  return (globalThis as GenerationHolder)[GENERATION] ?? 0;
}

export function invalidatePublicCache(tenantId?: string): void {
  const holder = globalThis as GenerationHolder;
  holder[GENERATION] = (holder[GENERATION] ?? 0) + 1;
  if (tenantId === undefined) entries.clear();
  else entries.delete(tenantId);
  // The installation-wide lists (the home page) depend on every tenant.
  entries.delete("*");
}
