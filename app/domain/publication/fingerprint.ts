// The fingerprint of a snapshot: the same data gives the same hash whatever the key order, so
// the confirmation page can say that republishing would change nothing.
import { createHash } from "node:crypto";
import { canonicalJson } from "../../reports/render.ts";

export function canonicalFingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
