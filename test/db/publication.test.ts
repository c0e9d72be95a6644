// Publication of a document's year (decision 030): a snapshot of published data only, new
// versions on republishing, withdrawal kept in the register, and no way across municipalities.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { indicatorValues, projectCards } from "../../app/db/schema.ts";
import { NotFoundError } from "../../app/domain/errors.ts";
import {
  previewPublication,
  publishYear,
  withdrawPublication,
} from "../../app/domain/publication/publish.ts";
import {
  findPublishingTenant,
  getCurrentSnapshot,
  getPublicationSnapshot,
  getPublicView,
  listPublications,
  publicScope,
} from "../../app/domain/publication/read.ts";
import { getPublicSettings, savePublicSettings } from "../../app/domain/publication/settings.ts";
import { ConflictError } from "../../app/domain/errors.ts";
import { UserInputError } from "../../app/domain/errors.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildPublishableWorld, markPublishable } from "../support/published-world.ts";
import { buildWorld } from "../support/world.ts";

const MIN = 3;

describe.each(engines())("publication on %s", (engine) => {
  const database = useDatabase(engine);

  const world = () =>
    buildPublishableWorld(database.get(), { effectsA: "Odwiedzono 2 rodziny w ich domach." });

  it("publishes a snapshot of published data only, after the small counts in prose are seen", async () => {
    const w = await buildWorld(database.get());
    const coordinator = w.scope("coordinator");
    const args = { documentId: w.doc.id, year: 2020, minCount: MIN };
    // Nothing of the world is published yet.
    await expect(publishYear({ scope: coordinator, ...args })).rejects.toBeInstanceOf(
      UserInputError,
    );
    await markPublishable(database.get(), w, { effectsA: "Odwiedzono 2 rodziny w ich domach." });

    const preview = await previewPublication({ scope: coordinator, ...args });
    expect(preview.proseCounts.map((c) => c.match)).toEqual(["2 rodziny"]);
    expect(preview.current).toBeNull();
    await expect(publishYear({ scope: coordinator, ...args })).rejects.toThrow(/2 rodziny/u);
    await expect(publishYear({ scope: w.scope("partnerA"), ...args })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(publishYear({ scope: w.scope("viewer"), ...args })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const v1 = await publishYear({
      scope: coordinator,
      ...args,
      confirmedProseCounts: preview.proseCounts.map((c) => c.key),
    });
    expect(v1.versionNumber).toBe(1);
    const db = database.get().db;
    const pub = publicScope(db, await findPublishingTenant({ db, slug: w.tenant.slug }));
    const { snapshot } = await getCurrentSnapshot({
      scope: pub,
      documentSlug: w.doc.slug,
      year: 2020,
    });
    const text = JSON.stringify(snapshot);
    expect(text).toContain("2 rodziny");
    expect(text).not.toContain("NIEOPUBLIKOWANE-B");
    expect(text).not.toContain("findings");
    const projectB = snapshot.goals
      .flatMap((g) => g.directions)
      .flatMap((d) => d.projects)
      .find((p) => p.title === "Projekt B");
    expect(projectB?.card).toBeNull();
  });

  it("keeps the snapshot while the live data changes; republishing adds a version; withdrawal keeps it listed", async () => {
    const w = await world();
    const db = database.get().db;
    const coordinator = w.scope("coordinator");
    const args = { documentId: w.doc.id, year: 2020, minCount: 2 };
    const v1 = await publishYear({ scope: coordinator, ...args });
    await db
      .update(projectCards)
      .set({ effects: "Nowe efekty po publikacji." })
      .where(eq(projectCards.id, w.cardA.id));
    const pub = publicScope(db, await findPublishingTenant({ db, slug: w.tenant.slug }));
    const before = await getCurrentSnapshot({ scope: pub, documentSlug: w.doc.slug, year: 2020 });
    expect(JSON.stringify(before.snapshot)).not.toContain("Nowe efekty");
    expect((await previewPublication({ scope: coordinator, ...args })).current).toMatchObject({
      versionNumber: 1,
      unchanged: false,
    });

    const v2 = await publishYear({ scope: coordinator, ...args });
    expect(v2.versionNumber).toBe(2);
    const now = await getCurrentSnapshot({ scope: pub, documentSlug: w.doc.slug, year: 2020 });
    expect(now.info.id).toBe(v2.id);
    expect(JSON.stringify(now.snapshot)).toContain("Nowe efekty");
    // The earlier version stays downloadable.
    const old = await getPublicationSnapshot({ scope: pub, publicationId: v1.id });
    expect(JSON.stringify(old.snapshot)).not.toContain("Nowe efekty");

    await expect(
      withdrawPublication({ scope: coordinator, publicationId: v2.id, reason: "" }),
    ).rejects.toBeInstanceOf(UserInputError);
    await withdrawPublication({
      scope: coordinator,
      publicationId: v2.id,
      reason: "Błąd w karcie projektu A",
    });
    await expect(
      withdrawPublication({ scope: coordinator, publicationId: v2.id, reason: "jeszcze raz" }),
    ).rejects.toBeInstanceOf(UserInputError);
    const register = await listPublications({ scope: pub });
    expect(register.map((r) => [r.versionNumber, r.current, r.withdrawalReason])).toEqual([
      [2, false, "Błąd w karcie projektu A"],
      [1, true, null],
    ]);
    expect(register[1]!.publishedByName).toBe("Test");
    await expect(
      getPublicationSnapshot({ scope: pub, publicationId: v2.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const back = await getCurrentSnapshot({ scope: pub, documentSlug: w.doc.slug, year: 2020 });
    expect(back.info.id).toBe(v1.id);
  });

  it("dates the register's production by the latest change of the year's published cards and values", async () => {
    const w = await world();
    const db = database.get().db;
    const setCard = (id: string, iso: string) =>
      db
        .update(projectCards)
        .set({ updatedAt: new Date(iso) })
        .where(eq(projectCards.id, id));
    await setCard(w.cardA.id, "2021-03-01T10:00:00Z");
    await db
      .update(indicatorValues)
      .set({ updatedAt: new Date("2021-03-05T10:00:00Z") })
      .where(eq(indicatorValues.id, w.value.id));
    // Card B is not published: its later change is not part of what is published.
    await setCard(w.cardB.id, "2021-04-01T10:00:00Z");
    const args = { scope: w.scope("coordinator"), documentId: w.doc.id, year: 2020, minCount: 2 };
    await publishYear(args);
    const pub = publicScope(db, await findPublishingTenant({ db, slug: w.tenant.slug }));
    const producedAt = async () =>
      (await listPublications({ scope: pub }))[0]!.producedAt.toISOString();
    expect(await producedAt()).toBe("2021-03-05T10:00:00.000Z");
    // Now the card is the later change.
    await db
      .update(projectCards)
      .set({ effects: "Zmienione efekty.", updatedAt: new Date("2021-03-09T10:00:00Z") })
      .where(eq(projectCards.id, w.cardA.id));
    await publishYear(args);
    expect(await producedAt()).toBe("2021-03-09T10:00:00.000Z");
  });

  it("withholds small counts in the public view, and another municipality sees none of it", async () => {
    const w = await world();
    const db = database.get().db;
    const v1 = await publishYear({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2020,
      minCount: 2,
    });
    const pub = publicScope(db, await findPublishingTenant({ db, slug: w.tenant.slug }));
    // Contributions 10 and 15, total 30 (persons); threshold 12: 10 is withheld, and 15 with it.
    const { view } = await getPublicView({
      scope: pub,
      documentSlug: w.doc.slug,
      year: 2020,
      minCount: 12,
    });
    const value = view.goals[0]!.directions[0]!.indicators[0]!.value!;
    expect(value.total).toBe(30);
    expect(value.contributions.map((c) => [c.value, c.withheld ?? false])).toEqual([
      [null, true],
      [null, true],
    ]);
    const raw = await getPublicationSnapshot({ scope: pub, publicationId: v1.id });
    expect(
      raw.snapshot.goals[0]!.directions[0]!.indicators[0]!.value!.contributions[0]!.value,
    ).toBe(10);

    const other = await buildWorld(database.get());
    await expect(findPublishingTenant({ db, slug: other.tenant.slug })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const otherScope = publicScope(db, other.tenant);
    expect(await listPublications({ scope: otherScope })).toEqual([]);
    await expect(
      getPublicationSnapshot({ scope: otherScope, publicationId: v1.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      withdrawPublication({
        scope: other.scope("coordinator"),
        publicationId: v1.id,
        reason: "Cudza publikacja",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps the accessibility statement's contact details, the coordinator's to change", async () => {
    const w = await buildWorld(database.get());
    const values = {
      entityName: "Miejski Ośrodek Pomocy Społecznej",
      contactName: "Jan Kowalski",
      contactEmail: "dostepnosc@gmina.pl",
      contactPhone: "32 123 45 67",
      address: null,
      architecturalAccessibility: "Wejście z podjazdem.",
      sitePublishedOn: "2026-12-01",
      siteUpdatedOn: null,
      statementPreparedOn: null,
    };
    await expect(
      savePublicSettings({ scope: w.scope("partnerA"), values, expectedVersion: 0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await savePublicSettings({ scope: w.scope("coordinator"), values, expectedVersion: 0 });
    await expect(
      savePublicSettings({ scope: w.scope("admin"), values, expectedVersion: 0 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const read = await getPublicSettings({ scope: publicScope(database.get().db, w.tenant) });
    expect(read).toMatchObject({ contactEmail: "dostepnosc@gmina.pl", version: 1 });
  });
});
