// Crash safety of an import commit (reliability item 12): `busola serve` is killed with SIGKILL
// while it saves a whole report (seed 000: 124 projects with their cards). After a restart the
// import is all there with its audit entries, or not there at all — never half a document.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, count, countDistinct, eq, inArray } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db/client.ts";
import {
  auditLog,
  importDrafts,
  planDocuments,
  projectCards,
  projects,
  strategicGoals,
  operationalGoals,
} from "../../app/db/schema.ts";
import { SEED_000, seedPath } from "../unit/report-reader/seeds.ts";
import { launchBrowser, login, newContext, settle } from "./support/browser.ts";
import { freePort, spawnServe } from "./support/processes.ts";

const SLUG = "import-przerwany";

/** What the data directory holds of the imported document, read after the server stopped. */
async function importedState(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    const db = database.db;
    const [doc] = await db.select().from(planDocuments).where(eq(planDocuments.slug, SLUG));
    const drafts = await db.select().from(importDrafts);
    if (!doc) return { doc: null, drafts, projects: 0, cards: 0, audited: 0 };
    const goals = await db
      .select({ id: strategicGoals.id })
      .from(strategicGoals)
      .where(eq(strategicGoals.documentId, doc.id));
    const dirs = await db
      .select({ id: operationalGoals.id })
      .from(operationalGoals)
      .where(
        inArray(
          operationalGoals.strategicGoalId,
          goals.map((g) => g.id),
        ),
      );
    const rows = await db
      .select({ id: projects.id })
      .from(projects)
      .where(
        inArray(
          projects.operationalGoalId,
          dirs.map((d) => d.id),
        ),
      );
    const ids = rows.map((r) => r.id);
    const [cards] = await db
      .select({ n: count() })
      .from(projectCards)
      .where(inArray(projectCards.projectId, ids));
    const [audited] = await db
      .select({ n: countDistinct(auditLog.entityId) })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "project"), inArray(auditLog.entityId, ids)));
    return { doc, drafts, projects: ids.length, cards: cards!.n, audited: audited!.n };
  } finally {
    await database.close();
  }
}

describe("kill -9 during an import commit", () => {
  let dataDir = "";
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("leaves the whole report or none of it", { timeout: 300_000 }, async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "busola-crash-import-"));
    const server = spawnServe(dataDir, await freePort());
    await server.ready();
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, "koordynator@ruda-slaska.demo");
    await page.goto("/g/ruda-slaska/import");
    await page.getByLabel("Plik sprawozdania").setInputFiles(seedPath(SEED_000));
    await Promise.all([
      page.waitForURL(/\/import\/[0-9a-f-]{36}$/u, { timeout: 120_000 }),
      page.getByRole("button", { name: "Wczytaj i pokaż propozycję" }).click(),
    ]);
    await page.goto(`${page.url()}?dokument=nowy`);
    await settle(page);
    await page.getByLabel("Adres w systemie").fill(SLUG);
    // The commit is sent; the server dies while it is (most likely) writing.
    const committing = page.waitForRequest((r) => r.method() === "POST");
    void page
      .getByRole("button", { name: "Zatwierdź i zapisz zaznaczone" })
      .click({ noWaitAfter: true })
      .catch(() => undefined);
    await committing;
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    server.child.kill("SIGKILL");
    await server.exited;
    await context.close();

    // The next start takes over the stale lock and recovers the database.
    const again = spawnServe(dataDir, await freePort());
    await again.ready();
    await again.stop();

    const state = await importedState(dataDir);
    if (state.doc) {
      // Committed before the kill: every card of the report (the projects also include those
      // its next-year section announces, without a card), each project with its audit entry.
      expect(state.cards).toBe(124);
      expect(state.projects).toBeGreaterThanOrEqual(124);
      expect(state.audited).toBe(state.projects);
      expect(state.drafts.some((d) => d.status === "committed")).toBe(true);
    } else {
      // Killed before the commit: nothing of it, and the draft is still there to commit again.
      expect(state.projects).toBe(0);
      expect(state.drafts.length).toBeGreaterThan(0);
      expect(state.drafts.every((d) => d.status !== "committed")).toBe(true);
    }
    console.log(`import crash trial: ${state.doc ? "committed before the kill" : "rolled back"}`);
  });
});
