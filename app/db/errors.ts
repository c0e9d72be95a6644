// Recognising database errors the domain answers in its own terms.

/** PostgreSQL's unique_violation, whether node-postgres, PGlite or Drizzle's wrapper raised it. */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === "23505") return true;
  }
  return false;
}
