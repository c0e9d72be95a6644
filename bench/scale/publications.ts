// Publications and the comparison rollup of the national dataset. One real snapshot is built by
// the publication model (buildSnapshot, first municipality's strategy, last published year) and
// cut to its first goal; every municipality gets one publication of that size for its strategy,
// and the rollup (comparison_values) gets a row per municipality, mapped code and published
// year, as refreshComparisonRollup would write after each publication.
import type { Db } from "../../app/db/client.ts";
import { buildSnapshot } from "../../app/domain/publication/build-snapshot.ts";
import { findTenantWithActor } from "../../app/domain/tenants.ts";
import { CopyWriter } from "./copy.ts";
import { MAPPED_CODES, municipalities, structure, uid, type Shape } from "./shape.ts";

const escape = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

export async function writePublications(db: Db, url: string, shape: Shape) {
  const all = municipalities(shape.municipalities);
  const published = shape.years.slice(0, -1);
  const year = published.at(-1)!;
  const first = structure(shape, 0);
  const found = await findTenantWithActor(db, all[0]!.slug, {
    sessionId: "",
    userId: first.user,
    email: "",
    name: "Koordynator",
    isSystemAdmin: false,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const scope = { db, tenant: found!.tenant, actor: found!.actor };
  const { snapshot } = await buildSnapshot({ scope, documentId: first.document(0), year });
  const cut = { ...snapshot, goals: snapshot.goals.slice(0, 1) };
  const text = escape(JSON.stringify(cut));
  const at = `${year + 1}-03-31T10:00:00Z`;
  const pubs = await CopyWriter.open(
    url,
    "publications",
    [
      "id",
      "tenant_id",
      "document_id",
      "year",
      "version_number",
      "snapshot",
      "fingerprint",
      "produced_by",
      "produced_at",
      "published_by_name",
      "published_at",
    ],
    false,
  );
  const rollup = await CopyWriter.open(
    url,
    "comparison_values",
    [
      "tenant_id",
      "code",
      "year",
      "indicator_id",
      "indicator_name",
      "unit",
      "publication_id",
      "value",
      "published_at",
    ],
    false,
  );
  for (let t = 0; t < all.length; t++) {
    const ids = structure(shape, t);
    const pub = uid(20, t);
    await pubs.row([
      pub,
      all[t]!.id,
      ids.document(0),
      year,
      1,
      text,
      `bench-${t}`,
      "Ośrodek Pomocy Społecznej",
      at,
      "Koordynator",
      at,
    ]);
    for (let c = 0; c < MAPPED_CODES.length; c++)
      for (const y of published) {
        const total = (t * 31 + c * 7 + y) % 400;
        const value = `{"total": ${total}, "approximate": false, "remarks": null, "published": true, "contributions": [], "parts": []}`;
        await rollup.row([
          all[t]!.id,
          MAPPED_CODES[c]!,
          y,
          ids.indicator(c),
          `Liczba osób objętych działaniem ${c}`,
          "osoby",
          pub,
          value,
          at,
        ]);
      }
  }
  await pubs.close();
  await rollup.close();
  return { publications: pubs.rows, comparisonValues: rollup.rows, snapshotBytes: text.length };
}
