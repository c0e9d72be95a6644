// Every staff page type, as each demo role: the visible text holds no internal token — no
// snake_case or camelCase identifier, no ISO date or timestamp, no English word of the list in
// support/internal-tokens.ts, no "()" or "r.." — and no form puts the security token in a
// URL; the first page of each type reflows at 320 CSS pixels without scrolling sideways
// (WCAG 1.4.10), and the coordinator's and the partner's are drawn to .tmp/screens/ to look
// at. The crawl follows the links of each page (one or two pages per route pattern),
// after the coordinator has opened a round and changed a card and a value, so that rounds,
// tasks, reviews and change histories have something to show.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  ACCOUNTS,
  launchBrowser,
  login,
  newContext,
  reflowProblems,
  settle,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { internalTokens } from "./support/internal-tokens.ts";

const RUDA = "/g/ruda-slaska";
const STRATEGY =
  "Strategia Rozwiązywania Problemów Społecznych Miasta Ruda Śląska na lata 2016–2025";
/** Pages of one pattern visited at most this many times per role. */
const PER_PATTERN = 2;
const MAX_PAGES = 70;
/** The roles whose pages are also drawn to PNG, for people to look at (issue 15). */
const SCREEN_ROLES = new Set(["coordinator", "partner"]);
const SCREENS = fileURLToPath(new URL("../../.tmp/screens", import.meta.url));

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await newContext(browser, server.url, { javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  await login(page, email);
  return page;
}

/** The route pattern of a path: ids, years and slugs after a known segment become ":x". */
function patternOf(path: string): string {
  return path
    .split("/")
    .map((part, i, parts) => {
      if (/^[0-9a-f-]{36}$/.test(part) || /^\d{4}$/.test(part)) return ":x";
      if (i >= 4 && parts[1] === "g" && !/^[a-z]+$/.test(part)) return ":x";
      if (i === 4 && parts[3] !== "struktura" && /^[a-z]/.test(part)) return ":x";
      return part;
    })
    .join("/");
}

/** Links worth following: staff pages of Ruda, no files, no sign-out. */
function followable(href: string, home: string): boolean {
  return (
    href.startsWith(home) &&
    !/\.(csv|xlsx|pdf|docx|html|json)(\?|$)/.test(href) &&
    !/\/(plik|arkusz)(\/|$|\?)/.test(href) &&
    !href.includes("format=")
  );
}

async function visibleProblems(page: Page, path: string): Promise<string[]> {
  const text = await page.locator("body").innerText();
  const title = await page.title();
  // The security token travels in form bodies only, never in a URL (uploads included).
  const actions = await page
    .locator("form")
    .evaluateAll((forms) => forms.map((f) => f.getAttribute("action") ?? ""));
  const leaks = actions.filter((a) => a.includes("_csrf")).map((a) => `token in URL: ${a}`);
  return [...internalTokens(`${title}\n${text}`), ...leaks].map((token) => `${path}: ${token}`);
}

function homeOf(url: string): string {
  return new URL(url).pathname.split("/").slice(0, 3).join("/");
}

/** Full-page pictures of each page type, kept in .tmp/screens/<role>/ to look at. */
async function keepScreen(page: Page, role: string, pattern: string): Promise<void> {
  const name = pattern.replace(/^\/g\/[^/]+/, "").replace(/[^a-z0-9]+/gi, "-") || "home";
  await page.screenshot({
    path: path.join(
      SCREENS,
      role.replace(/\W+/g, "-"),
      `${name.replace(/^-|-$/g, "") || "home"}.png`,
    ),
    fullPage: true,
  });
}

async function crawl(
  page: Page,
  home: string,
  start: string[],
  role: string,
): Promise<{ problems: string[]; seen: string[] }> {
  const queue = [...start];
  const visitedPaths = new Set<string>();
  const perPattern = new Map<string, number>();
  const problems: string[] = [];
  while (queue.length > 0 && visitedPaths.size < MAX_PAGES) {
    const path = queue.shift()!;
    const pattern = patternOf(path.split("?")[0]!);
    if (visitedPaths.has(path) || (perPattern.get(pattern) ?? 0) >= PER_PATTERN) continue;
    visitedPaths.add(path);
    perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    const response = await page.goto(path);
    if (!response || response.status() >= 400) continue;
    await settle(page);
    problems.push(...(await visibleProblems(page, path)));
    if (perPattern.get(pattern) === 1) {
      problems.push(...(await reflowProblems(page, path)));
      if (SCREEN_ROLES.has(role)) await keepScreen(page, role, pattern);
    }
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) if (followable(href, home)) queue.push(href.split("#")[0]!);
  }
  return { problems, seen: [...perPattern.keys()].sort() };
}

/** Opens the 2021 round and records a few changes, so histories and reviews show content. */
async function prepareRound(coordinator: Page): Promise<void> {
  await coordinator.goto(`${RUDA}/sprawozdawczosc`);
  await settle(coordinator);
  await coordinator.getByLabel("Dokument").selectOption({ label: STRATEGY });
  await coordinator.getByLabel("Rok sprawozdawczy").fill("2021");
  await coordinator.getByLabel("Termin dla realizatorów").fill("2099-02-28");
  await Promise.all([
    coordinator.waitForURL((u) => /\/sprawozdawczosc\/[0-9a-f-]{36}$/.test(u.pathname)),
    coordinator.getByRole("button", { name: "Otwórz rundę", exact: true }).click(),
  ]);
  await settle(coordinator);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const coordinator = await signedIn(ACCOUNTS.coordinator);
  await prepareRound(coordinator);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/**
 * The coordinator walks with JavaScript on, so text drawn only in the browser is read too;
 * the other roles read the server's HTML, which hydration must match (React refuses
 * otherwise), without paying for hydration on every page.
 */
const ROLES = {
  coordinator: { email: ACCOUNTS.coordinator, javaScript: true },
  partner: { email: ACCOUNTS.partner, javaScript: false },
  goalCoordinator: { email: ACCOUNTS.goalCoordinator, javaScript: false },
  viewer: { email: ACCOUNTS.viewer, javaScript: false },
  admin: { email: ACCOUNTS.admin, javaScript: false },
  "coordinator of Ostrowiec": { email: ACCOUNTS.ostrowiecCoordinator, javaScript: false },
} as const;

// The crawls only read, so the roles walk side by side (the server answers them in turn).
describe.concurrent("visible text is plain Polish", () => {
  for (const [role, { email, javaScript }] of Object.entries(ROLES)) {
    test(`every page type as the ${role}`, { timeout: 240_000 }, async ({ expect }) => {
      const page = await signedIn(email, javaScript);
      const home = new URL(page.url()).pathname.startsWith("/g/") ? homeOf(page.url()) : RUDA;
      const { problems, seen } = await crawl(page, home, [home, `${home}/moje-zadania`], role);
      expect(seen.length, `page types seen: ${seen.join(", ")}`).toBeGreaterThan(2);
      expect(problems).toEqual([]);
    });
  }
});
