// Security headers (decision 027): every response carries them — pages, assets, downloads,
// errors, refused bodies — and the pages still work under the CSP: no violation reported in
// the browser on the pages visited, and React hydrates (a client-side navigation happens
// without a document load).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ACCOUNTS, launchBrowser, login, newContext, settle } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function expectHeaders(headers: Headers, what: string) {
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy"), what).toMatch(/camera=\(\)/);
}

describe("security headers", () => {
  it("are on pages, assets, errors and refused bodies; documents get a fresh nonce", async () => {
    const page = await fetch(`${server.url}/logowanie`);
    const html = await page.text();
    expectHeaders(page.headers, "page");
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy")!)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    const second = await fetch(`${server.url}/logowanie`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);

    const asset = /src="(\/assets\/[^"]+\.js)"|href="(\/assets\/[^"]+\.css)"/.exec(html)!;
    const assetRes = await fetch(`${server.url}${asset[1] ?? asset[2]}`);
    expect(assetRes.status).toBe(200);
    expectHeaders(assetRes.headers, "asset");

    const missing = await fetch(`${server.url}/nie-ma-takiej-strony`);
    expect(missing.status).toBe(404);
    expectHeaders(missing.headers, "404 page");

    const big = await fetch(`${server.url}/logowanie`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "x=" + "a".repeat(2 * 1024 * 1024),
    }).catch(() => null);
    if (big) {
      expect(big.status).toBe(413);
      expectHeaders(big.headers, "413");
    }
    // HSTS only when cookies are secure (the test server runs on plain http).
    expect(page.headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps the pages working under the CSP: no violations, hydration and client navigation", async () => {
    const context = await newContext(browser, server.url);
    const violations: string[] = [];
    const watch = (p: Page) => {
      p.on("console", (m) => {
        if (/Content.Security.Policy|CSP/i.test(m.text())) violations.push(m.text());
      });
    };
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const page = await context.newPage();
    watch(page);
    await login(page, ACCOUNTS.coordinator);
    for (const path of [
      "/g/ruda-slaska",
      "/g/ruda-slaska/dokumenty",
      "/g/ruda-slaska/instytucje",
    ]) {
      await page.goto(path);
      await settle(page);
    }
    // A click on a link is handled by React Router in the page (no new document request).
    let documentRequests = 0;
    page.on("request", (r) => {
      if (r.resourceType() === "document") documentRequests += 1;
    });
    await page.goto("/g/ruda-slaska");
    await settle(page);
    documentRequests = 0;
    await page.locator('a[href="/g/ruda-slaska/dokumenty"]').first().click();
    await page.waitForURL("**/g/ruda-slaska/dokumenty");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(documentRequests).toBe(0);
    expect(violations).toEqual([]);
    await context.close();
  });
});
