// Memoise work within one request: the root, layout and page loaders of a page all need the
// signed-in user and the tenant scope; they share one lookup through the request's context
// object, which React Router creates once per request.
const store = new WeakMap<object, Map<string, Promise<unknown>>>();

export function perRequest<T>(context: object, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = store.get(context);
  if (!memo) {
    memo = new Map();
    store.set(context, memo);
  }
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = compute();
    memo.set(key, hit);
  }
  return hit;
}
