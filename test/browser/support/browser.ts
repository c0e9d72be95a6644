// Chromium through playwright-core, axe-core checks, and signing in as a demo account.
import { AxeBuilder } from "@axe-core/playwright";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "playwright-core";

export const DEMO_PASSWORD = "busola-demo";

export const ACCOUNTS = {
  admin: "admin@ruda-slaska.demo",
  coordinator: "koordynator@ruda-slaska.demo",
  goalCoordinator: "cel1@ruda-slaska.demo",
  partner: "pup@ruda-slaska.demo",
  viewer: "odczyt@ruda-slaska.demo",
  ostrowiecCoordinator: "koordynator@ostrowiec.demo",
  ostrowiecPartner: "pcpr@ostrowiec.demo",
} as const;

export const CHROMIUM_PATH = process.env.BUSOLA_CHROMIUM ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Contexts opened with JavaScript disabled: axe cannot run inside them. */
const noScriptContexts = new WeakSet<BrowserContext>();

/** A fresh, isolated context (own cookies) pointed at the test server. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: "pl-PL",
    timezoneId: "Europe/Warsaw",
    ...options,
  });
  if (options.javaScriptEnabled === false) noScriptContexts.add(context);
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * Waits until React has hydrated the page (when JavaScript is on), so that clicks go through
 * React Router rather than racing it. With JavaScript off it returns at once. A page that does
 * not hydrate in time fails the test: a JavaScript-on test must not quietly become a no-JS one.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  if (noScriptContexts.has(page.context())) return;
  try {
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __reactRouterContext?: unknown };
        if (!w.__reactRouterContext) return true; // not rendered by React Router: nothing to hydrate
        // root.tsx marks <body> busy while a navigation runs; waitForURL can resolve inside it.
        if (document.body.getAttribute("aria-busy") === "true") return false;
        // React marks the DOM nodes it has hydrated with a __reactFiber$… property.
        const el = document.querySelector("main") ?? document.body;
        return Object.keys(el).some((k) => k.startsWith("__reactFiber$"));
      },
      undefined,
      { timeout: 10_000 },
    );
  } catch (error) {
    throw new Error(`${page.url()} did not hydrate within 10 s (JavaScript is on)`, {
      cause: error,
    });
  }
}

/**
 * The page's h1 once it reads `expected` (or after 10 s, whatever it then reads). After a
 * client-side navigation React Router moves the address before React has rendered the new
 * route, so reading the h1 straight after waitForURL can still see the previous page.
 */
export async function headingText(page: Page, expected: string): Promise<string> {
  await page
    .waitForFunction(
      (text) => document.querySelector("h1")?.textContent?.trim() === text,
      expected,
      {
        timeout: 10_000,
      },
    )
    .catch(() => undefined);
  return (await page.locator("h1").innerText()).trim();
}

/** Signs in through the login form; resolves once the browser has left /logowanie. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/logowanie");
  await settle(page);
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByLabel("Hasło").fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/logowanie", { timeout: 20_000 }),
    page.getByRole("button", { name: "Zaloguj się" }).click(),
  ]);
  await settle(page);
}

export function formatViolations(
  violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"],
): string {
  return violations
    .map((v, i) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => {
          const summary = (n.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
          return `      - ${n.target.join(" ")}\n        ${n.html.slice(0, 200)}\n        ${summary}`;
        })
        .join("\n");
      const more = v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : "";
      return `  ${i + 1}. [${v.impact ?? "?"}] ${v.id}: ${v.help}\n     ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
}

async function analyze(page: Page) {
  return new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
}

/**
 * axe is JavaScript, so it cannot run in a context with JavaScript disabled. For such a page,
 * serve its current HTML (minus scripts, so nothing hydrates) at the same URL in a scratch
 * context with JavaScript on: styles and relative links resolve exactly as they did.
 */
async function analyzeNoScript(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error("checkA11y: the page's context has no browser");
  const url = page.url().replace(/#.*$/, "");
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const scratch = await browser.newContext({ locale: "pl-PL" });
  try {
    const copy = await scratch.newPage();
    await copy.route(
      (u) => u.href === url,
      (route) =>
        route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(url);
    return await analyze(copy);
  } finally {
    await scratch.close();
  }
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page and fails with a readable list of violations. */
export async function checkA11y(page: Page, label?: string): Promise<void> {
  const results = noScriptContexts.has(page.context())
    ? await analyzeNoScript(page)
    : await analyze(page);
  if (results.violations.length > 0) {
    throw new Error(
      `axe found ${results.violations.length} accessibility violation(s) on ${label ?? page.url()}:\n${formatViolations(results.violations)}`,
    );
  }
}

/**
 * WCAG 2.1 reflow (1.4.10): at 320 CSS pixels the page itself does not scroll sideways; a wide
 * table may, inside its own scrolling box (two-dimensional content is exempt).
 */
export async function reflowProblems(page: Page, path: string): Promise<string[]> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth + 1) return null;
    // Name the widest element that sticks out, so the failure says where to look.
    let widest = "";
    let right = root.clientWidth;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 1 && !el.closest(".table-wrapper")) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}`;
      }
    }
    return `${root.scrollWidth}px wide at 320 px (${widest || "?"})`;
  });
  await page.setViewportSize(size);
  return overflow ? [`${path}: ${overflow}`] : [];
}
