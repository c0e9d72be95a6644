// The world of world.ts made ready to publish: project A's card and the indicator value are
// published, project B's card is not and carries a marker that must never reach the public.
import { eq } from "drizzle-orm";
import type { Database } from "../../app/db/client.ts";
import { indicatorValues, projectCards } from "../../app/db/schema.ts";
import { publishYear } from "../../app/domain/publication/publish.ts";
import { buildWorld } from "./world.ts";

export type World = Awaited<ReturnType<typeof buildWorld>>;

export const UNPUBLISHED_MARKER = "NIEOPUBLIKOWANE-B";

/** Marks card A (with the given effects) and the value published; card B gets the marker. */
export async function markPublishable(
  database: Database,
  w: World,
  opts: { effectsA: string },
): Promise<void> {
  const db = database.db;
  await db
    .update(projectCards)
    .set({ published: true, effects: opts.effectsA })
    .where(eq(projectCards.id, w.cardA.id));
  await db
    .update(projectCards)
    .set({ effects: UNPUBLISHED_MARKER })
    .where(eq(projectCards.id, w.cardB.id));
  await db
    .update(indicatorValues)
    .set({ published: true })
    .where(eq(indicatorValues.id, w.value.id));
}

/** A new world, publishable, with the given effects on card A. */
export async function buildPublishableWorld(
  database: Database,
  opts: { effectsA: string },
): Promise<World> {
  const w = await buildWorld(database);
  await markPublishable(database, w, opts);
  return w;
}

/** A publishable world whose year 2020 the coordinator has published once. */
export async function buildPublishedWorld(
  database: Database,
  opts: { effectsA: string; minCount: number },
) {
  const w = await buildPublishableWorld(database, opts);
  const v1 = await publishYear({
    scope: w.scope("coordinator"),
    documentId: w.doc.id,
    year: 2020,
    minCount: opts.minCount,
  });
  return { w, v1 };
}
