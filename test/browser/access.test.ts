// Who may see and change what, checked through the browser: another municipality's pages answer
// 404 (as if they did not exist), a partner sees only its own institution's unpublished
// contribution, and a read-only user gets 403 on edit pages and edit POSTs.
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

const RUDA = "/g/ruda-slaska";
const RUDA_TREE = `${RUDA}/dokumenty/srps-2016-2025?rok=2020`;
const OSTROWIEC = "/g/ostrowiec-swietokrzyski";
const OSTROWIEC_TREE = `${OSTROWIEC}/dokumenty/srps-2014-2021?rok=2021`;
const CLUBS = "liczba dzieci korzystających ze świetlic środowiskowych";
const EMPLOYMENT = "liczba osób, które podjęły zatrudnienie";
const MOPS_RUDA = "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let coordinator: Page;
let partner: Page;
let viewer: Page;
/** Real URLs and ids, taken from the pages of the users who may see them. */
const found = {
  ostrowiecValue: "",
  ostrowiecIndicatorId: "",
  employment: "",
  monitoring: "",
  mopsId: "",
  pupId: "",
};

async function signedIn(email: string): Promise<Page> {
  const c = await newContext(browser, server.url);
  contexts.push(c);
  const page = await c.newPage();
  await login(page, email);
  return page;
}

async function hrefOf(page: Page, name: string): Promise<string> {
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  expect(href, `link "${name}"`).toBeTruthy();
  return href!;
}

/** Opens a URL and checks the status and the <h1>; returns the visible text of <main>. */
async function open(page: Page, path: string, status: number, h1: string): Promise<string> {
  const response = await page.goto(path);
  expect(response!.status(), `HTTP status of ${path}`).toBe(status);
  await expect(page.locator("h1").innerText()).resolves.toBe(h1);
  return page.locator("main").innerText();
}

/** The hidden fields and values of the page's edit form, as the browser would submit them. */
async function formFields(page: Page): Promise<Record<string, string>> {
  return page
    .locator("main form[method=post]")
    .last()
    .evaluate((f) =>
      Object.fromEntries([...new FormData(f as HTMLFormElement)].map(([k, v]) => [k, String(v)])),
    );
}

async function csrfToken(page: Page): Promise<string> {
  return page.locator("input[name=_csrf]").first().inputValue();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();

  const ostrowiec = await signedIn(ACCOUNTS.ostrowiecCoordinator);
  await ostrowiec.goto(OSTROWIEC_TREE);
  found.ostrowiecValue = await hrefOf(ostrowiec, CLUBS);
  found.ostrowiecIndicatorId = found.ostrowiecValue.split("/")[4]!;
  expect(found.ostrowiecValue).toBe(`${OSTROWIEC}/wskazniki/${found.ostrowiecIndicatorId}/2021`);
  // The Ostrowiec coordinator really sees it (so a 404 for others means "hidden", not "missing").
  await open(ostrowiec, found.ostrowiecValue, 200, CLUBS);

  coordinator = await signedIn(ACCOUNTS.coordinator);
  await coordinator.goto(RUDA_TREE);
  found.employment = await hrefOf(coordinator, EMPLOYMENT);
  found.monitoring = await hrefOf(coordinator, "Monitorowanie problemów społecznych");
  await coordinator.goto(`${found.employment}/edycja`);
  const fields = await formFields(coordinator);
  const ids = Object.entries(fields).filter(([k]) => /^contributions\.\d+\.institutionId$/.test(k));
  for (const [key, id] of ids) {
    const legend = await coordinator
      .locator(`input[name="${key}"]`)
      .locator("xpath=ancestor::fieldset[1]/legend")
      .innerText();
    if (legend.startsWith("MOPS")) found.mopsId = id;
    if (legend.startsWith("PUP")) found.pupId = id;
  }
  expect(found.mopsId).toMatch(/^[0-9a-f-]{36}$/);
  expect(found.pupId).toMatch(/^[0-9a-f-]{36}$/);

  partner = await signedIn(ACCOUNTS.partner);
  viewer = await signedIn(ACCOUNTS.viewer);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("another municipality", () => {
  test("the partner gets a 404 page, with no data, for Ostrowiec's pages", async () => {
    for (const path of [
      OSTROWIEC,
      `${OSTROWIEC}/dokumenty`,
      OSTROWIEC_TREE,
      `${OSTROWIEC}/instytucje`,
    ]) {
      const main = await open(partner, path, 404, "Nie znaleziono strony");
      expect(main).not.toContain("Ostrowiec");
      expect(await partner.content()).not.toContain("Gmina Ostrowiec Świętokrzyski");
    }
    await checkA11y(partner, "404 page for another municipality");
  });

  test("the partner gets a 404 for an Ostrowiec indicator, also under its own municipality's URL", async () => {
    for (const path of [
      found.ostrowiecValue,
      `${found.ostrowiecValue}/edycja`,
      `${RUDA}/wskazniki/${found.ostrowiecIndicatorId}/2021`,
      `${RUDA}/wskazniki/${found.ostrowiecIndicatorId}/2021/edycja`,
    ]) {
      const main = await open(partner, path, 404, "Nie znaleziono strony");
      expect(main).not.toContain(CLUBS);
      expect(main).not.toMatch(/\b(277|227)\b/);
      expect(await partner.content()).not.toContain(CLUBS);
    }
  });

  test("a POST into another municipality is refused as not found and changes nothing", async () => {
    await partner.goto(RUDA);
    const token = await csrfToken(partner);
    const response = await partner.request.post(`${found.ostrowiecValue}/edycja`, {
      form: { _csrf: token, version: "1", total: "1", remarks: "włamanie" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
    const ostrowiec = await signedIn(ACCOUNTS.ostrowiecCoordinator);
    const main = await open(ostrowiec, found.ostrowiecValue, 200, CLUBS);
    expect(main).not.toContain("włamanie");
    expect(main).toContain("277");
  });

  test("other users of other municipalities are refused the same way", async () => {
    await open(coordinator, found.ostrowiecValue, 404, "Nie znaleziono strony");
    await open(coordinator, OSTROWIEC, 404, "Nie znaleziono strony");
    const pcpr = await signedIn(ACCOUNTS.ostrowiecPartner);
    await open(pcpr, RUDA, 404, "Nie znaleziono strony");
    await open(pcpr, found.employment, 404, "Nie znaleziono strony");
  });
});

describe("a partner and unpublished values", () => {
  test("the coordinator sees every contribution and the total (control)", async () => {
    const main = await open(coordinator, found.employment, 200, EMPLOYMENT);
    const rows = coordinator
      .getByRole("table", { name: "Wartości przekazane przez instytucje" })
      .locator("tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.filter({ hasText: "PUP" }).locator("td").nth(1).innerText()).resolves.toBe(
      "15",
    );
    await expect(rows.filter({ hasText: "MOPS" }).locator("td").nth(1).innerText()).resolves.toBe(
      "9",
    );
    const total = coordinator
      .locator(".summary-list__row")
      .filter({ has: coordinator.locator("dt", { hasText: "Wartość 2020" }) });
    await expect(total.locator("dd").innerText()).resolves.toBe("24");
    expect(main).toContain(MOPS_RUDA);
  });

  test("the partner (PUP) sees its own 15 but neither MOPS's 9 nor the total 24", async () => {
    // The strategy tree does not give the total away either.
    await partner.goto(RUDA_TREE);
    const treeRow = partner
      .getByRole("row")
      .filter({ has: partner.getByRole("link", { name: EMPLOYMENT, exact: true }) });
    await expect(treeRow.locator("td").nth(1).innerText()).resolves.not.toMatch(/24/);
    const href = await hrefOf(partner, EMPLOYMENT);
    expect(href).toBe(found.employment);

    const main = await open(partner, found.employment, 200, EMPLOYMENT);
    await settle(partner);
    const rows = partner
      .getByRole("table", { name: "Wartości przekazane przez instytucje" })
      .locator("tbody tr");
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().locator("td").nth(0).innerText()).resolves.toMatch(/^PUP — /);
    await expect(rows.first().locator("td").nth(1).innerText()).resolves.toBe("15");
    const total = partner
      .locator(".summary-list__row")
      .filter({ has: partner.locator("dt", { hasText: "Wartość 2020" }) });
    await expect(total.locator("dd").innerText()).resolves.toBe(
      "widoczna po zatwierdzeniu przez koordynatora",
    );
    expect(main).not.toContain("MOPS");
    expect(main).not.toContain(MOPS_RUDA);
    expect(main).not.toMatch(/\b24\b/);
    // Nor in the data sent along for hydration, or in the client-side navigation payload.
    const html = await partner.content();
    expect(html).not.toContain(MOPS_RUDA);
    expect(html).not.toContain(found.mopsId);
    const payload = await partner.request.get(`${found.employment}.data`);
    expect(payload.status()).toBe(200);
    const body = await payload.text();
    expect(body).toContain("Powiatowy Urząd Pracy");
    expect(body).not.toContain(MOPS_RUDA);
    expect(body).not.toContain(found.mopsId);
    await checkA11y(partner, "indicator value as seen by a partner");
  });

  test("the partner's edit form offers only its own contribution", async () => {
    await open(partner, `${found.employment}/edycja`, 200, EMPLOYMENT);
    await expect(partner.getByLabel(/^Wartość wskaźnika/).count()).resolves.toBe(0);
    // One institution's value field, in PUP's fieldset (other fieldsets are PUP's breakdown rows).
    const values = partner.getByLabel("Wartość instytucji (osoby)");
    await expect(values.count()).resolves.toBe(1);
    await expect(values.inputValue()).resolves.toBe("15");
    const pupGroup = partner.getByRole("group", { name: /^PUP — / });
    await expect(pupGroup.getByLabel("Wartość instytucji (osoby)").count()).resolves.toBe(1);
    await expect(
      partner.getByRole("group", { name: /MOPS|Miejski Ośrodek/ }).count(),
    ).resolves.toBe(0);
    const main = await partner.locator("main").innerText();
    expect(main).not.toContain("MOPS");
    expect(main).not.toContain(MOPS_RUDA);
    const html = await partner.content();
    expect(html).not.toContain(found.mopsId);
    expect(html).not.toContain(MOPS_RUDA);
    await checkA11y(partner, "indicator value edit form as seen by a partner");
  });

  test("a forged POST for MOPS's contribution is refused with 403", async () => {
    const token = await csrfToken(partner);
    const fields = await formFields(partner);
    const response = await partner.request.post(`${found.employment}/edycja`, {
      form: {
        ...fields,
        _csrf: token,
        "contributions.0.institutionId": found.mopsId,
        "contributions.0.value": "999",
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    await open(coordinator, found.employment, 200, EMPLOYMENT);
    const rows = coordinator
      .getByRole("table", { name: "Wartości przekazane przez instytucje" })
      .locator("tbody tr");
    await expect(rows.filter({ hasText: "MOPS" }).locator("td").nth(1).innerText()).resolves.toBe(
      "9",
    );
  });
});

describe("a read-only user", () => {
  test("gets 403 on a project card's edit page and does not see an edit link", async () => {
    await open(viewer, found.monitoring, 200, "Monitorowanie problemów społecznych [C1K1]");
    await expect(viewer.getByRole("link", { name: "Edytuj kartę" }).count()).resolves.toBe(0);
    const main = await open(viewer, `${found.monitoring}/edycja`, 403, "Brak dostępu");
    expect(main).not.toContain("Zapisz kartę");
    await checkA11y(viewer, "403 page");
  });

  test("gets 403 on an indicator value's edit page", async () => {
    await open(viewer, `${found.employment}/edycja`, 403, "Brak dostępu");
  });

  test("gets 403 when posting the card edit form directly, and nothing changes", async () => {
    // The same fields the coordinator's form sends, with the viewer's own valid CSRF token.
    await coordinator.goto(`${found.monitoring}/edycja`);
    const fields = await formFields(coordinator);
    await viewer.goto(found.monitoring);
    const token = await csrfToken(viewer);
    const response = await viewer.request.post(`${found.monitoring}/edycja`, {
      form: { ...fields, _csrf: token, effects: "Zmiana osoby bez uprawnień" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    const main = await open(
      coordinator,
      found.monitoring,
      200,
      "Monitorowanie problemów społecznych [C1K1]",
    );
    expect(main).not.toContain("Zmiana osoby bez uprawnień");
  });
});
