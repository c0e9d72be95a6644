// A per-address request limit for the public API and the dataset files: a fixed one-minute
// window counted in memory (one process; several processes each count their own share, which
// only makes the limit looser). The address is the socket's, recorded by app/server/http.ts —
// never a header the client sends.
const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export function createRateLimiter(limitPerMinute: number, now: () => number = Date.now) {
  let window = -1;
  const counts = new Map<string, number>();
  return (address: string): RateDecision => {
    if (limitPerMinute <= 0) return { ok: true };
    const t = now();
    const w = Math.floor(t / WINDOW_MS);
    if (w !== window) {
      window = w;
      counts.clear();
    }
    const n = (counts.get(address) ?? 0) + 1;
    counts.set(address, n);
    if (n <= limitPerMinute) return { ok: true };
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil(((w + 1) * WINDOW_MS - t) / 1000)),
    };
  };
}
