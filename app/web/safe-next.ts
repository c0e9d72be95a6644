/**
 * Only paths of this site: an open redirect would let a crafted link send people elsewhere
 * after signing in. Resolved the way a browser would: "/\\evil.example" names another host.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/pulpit";
  const base = new URL("http://busola.invalid/");
  const url = new URL(next, base);
  return url.origin === base.origin ? url.pathname + url.search + url.hash : "/pulpit";
}
