// What the comparison page and its CSV share: the code from the address, the comparison read
// from published data only (readComparison) with the installation's small-count threshold.
import { readComparison } from "../../domain/comparison/comparison.ts";
import { getServices } from "../../services.ts";
import { requestReadDb } from "../../web/read-db.server.ts";

export async function loadComparison(code: string | undefined) {
  const services = getServices();
  return readComparison({
    db: await requestReadDb(),
    actor: null,
    code: code ?? "",
    minCount: services.config.publicMinCount,
  });
}
