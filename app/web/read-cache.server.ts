// A read cache for expensive pages (the strategy tree, project cards). Entries are keyed by
// the tenant's data version as read at the start of the request; every audited change bumps
// that version in its own transaction, so an entry can never be served after the data it was
// built from changed. An entry computed while a change was committing is stored under the old
// version and simply never hit again. See docs/decisions/007.
import type { TenantScope } from "../domain/scope.ts";

const MAX_TENANTS = 500;
const MAX_ENTRIES_PER_TENANT = 500;

type TenantEntries = { version: number; entries: Map<string, Promise<unknown>> };
const cache = new Map<string, TenantEntries>();

/** What the actor may see and do depends on these; two actors with the same key see the same page. */
export function actorKey(scope: TenantScope): string {
  const a = scope.actor;
  const m = a.membership;
  return `${a.userId}|${a.isSystemAdmin ? "sys" : ""}|${m?.role ?? ""}|${m?.institutionId ?? ""}|${m?.goalIds.join(",") ?? ""}`;
}

export function cachedRead<T>(
  scope: TenantScope,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const { id, dataVersion } = scope.tenant;
  let t = cache.get(id);
  if (!t || t.version < dataVersion) {
    t = { version: dataVersion, entries: new Map() };
    cache.delete(id);
    cache.set(id, t);
    if (cache.size > MAX_TENANTS) cache.delete(cache.keys().next().value!);
  } else if (t.version > dataVersion) {
    // This request started before a change that another request has already seen: don't cache.
    return compute();
  }
  const full = `${actorKey(scope)}|${key}`;
  let hit = t.entries.get(full) as Promise<T> | undefined;
  if (!hit) {
    hit = compute();
    t.entries.set(full, hit);
    if (t.entries.size > MAX_ENTRIES_PER_TENANT) t.entries.delete(t.entries.keys().next().value!);
    const entries = t.entries;
    hit.catch(() => entries.delete(full));
  }
  return hit;
}
