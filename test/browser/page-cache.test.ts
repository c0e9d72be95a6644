// The page cache in a real browser (decisions 037, 038): the second view of the tree page is
// answered from the cache, and that answer still hydrates under the CSP (its nonce is this
// answer's), passes axe, and navigates client-side; a saved card shows at once on its cached
// page; another person gets their own page, not the coordinator's; after signing out, the
// same browser is sent to sign in.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  ACCOUNTS,
  checkA11y,
  launchBrowser,
  login,
  newContext,
  settle,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const TREE = "/g/ruda-slaska/dokumenty/srps-2016-2025?rok=2020";
const HOME = "/g/ruda-slaska";
const EFFECTS = "Osiągnięte efekty, wskaźniki realizacji działań";
const CACHE_HEADER = "x-busola-page-cache";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string): Promise<Page> {
  const c = await newContext(browser, server.url);
  contexts.push(c);
  await c.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await c.newPage();
  await login(page, email);
  return page;
}

async function visit(page: Page, path: string): Promise<string | undefined> {
  const res = await page.goto(path);
  await settle(page);
  expect(res?.status(), path).toBe(200);
  return (await res?.allHeaders())?.[CACHE_HEADER];
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("page cache", () => {
  test("a cached tree page hydrates under the CSP, passes axe and navigates client-side", async () => {
    const page = await signedIn(ACCOUNTS.coordinator);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/CSP|Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    await visit(page, TREE);
    expect(await visit(page, TREE)).toBe("hit");
    await expect(page.locator("header").innerText()).resolves.toContain("Katarzyna Koordynator");
    await checkA11y(page, "cached tree page");
    let documents = 0;
    page.on("request", (r) => {
      if (r.resourceType() === "document") documents += 1;
    });
    await page.getByRole("link", { name: "Asystent rodziny", exact: true }).first().click();
    await page.waitForURL("**/projekty/**");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(documents).toBe(0);
    // The home page with its dashboard charts is kept too (decision 076).
    await visit(page, HOME);
    expect(await visit(page, HOME)).toBe("hit");
    expect(await page.locator("main svg[role='img']").count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  test("a saved card shows at once on its cached page; others get their own pages", async () => {
    const page = await signedIn(ACCOUNTS.coordinator);
    await visit(page, TREE);
    const card = await page
      .getByRole("link", { name: "Centrum Wsparcia Rodziny", exact: true })
      .first()
      .getAttribute("href");
    await visit(page, card!);
    expect(await visit(page, card!)).toBe("hit");
    await page.goto(`${card}/edycja`);
    const text = `Zapis przez pamięć podręczną ${Date.now()}.`;
    await page.getByLabel(EFFECTS).fill(text);
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("zapisano") === "1"),
      page.getByRole("button", { name: "Zapisz kartę" }).click(),
    ]);
    expect(await visit(page, card!)).toBeUndefined();
    await expect(page.locator("main").innerText()).resolves.toContain(text);
    expect(await visit(page, card!)).toBe("hit");

    // The viewer reads the same card: their page, with their name and no edit button.
    const viewer = await signedIn(ACCOUNTS.viewer);
    expect(await visit(viewer, card!)).toBeUndefined();
    await expect(viewer.locator("header").innerText()).resolves.not.toContain(
      "Katarzyna Koordynator",
    );
    await expect(viewer.getByRole("link", { name: "Edytuj kartę" }).count()).resolves.toBe(0);

    // Signed out, the coordinator's browser is sent to sign in, not shown the kept page.
    await page.getByRole("button", { name: "Wyloguj" }).click();
    await page.waitForURL("**/logowanie**");
    await page.goto(card!);
    expect(new URL(page.url()).pathname).toBe("/logowanie");
  });
});
