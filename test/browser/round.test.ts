// The whole reporting round in Chromium: the coordinator opens a round and invites a person
// at an institution, the invitation link is shown to the inviter (no SMTP), the partner sets a password,
// fills in a card and a contribution (the contribution without JavaScript) and submits; the
// coordinator returns the card, the partner corrects it, the coordinator accepts it and the
// partner sees it locked. axe checks every page visited.
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
const STRATEGY =
  "Strategia Rozwiązywania Problemów Społecznych Miasta Ruda Śląska na lata 2016–2025";
const CARD = "C1K2 Klub Integracji Społecznej";
const INDICATOR = "liczba osób, które podjęły zatrudnienie";
const EFFECTS = "Osiągnięte efekty, wskaźniki realizacji działań";
const PARTNER_EMAIL = "nowa.osoba@cis-ruda.test";
const PARTNER_PASSWORD = "haslo-realizatora-2021";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
  const c = await newContext(browser, server.url, options);
  contexts.push(c);
  return c.newPage();
}

async function go(p: Page, url: string) {
  await p.goto(url);
  await settle(p);
}

async function click(p: Page, name: string, until: (u: URL) => boolean) {
  await Promise.all([p.waitForURL(until), p.getByRole("button", { name, exact: true }).click()]);
  await settle(p);
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

describe("the yearly reporting round", () => {
  test("from opening the round to an accepted, locked card", async () => {
    // --- The coordinator opens the round and invites a person at CIS. ---
    const coordinator = await page();
    await login(coordinator, ACCOUNTS.coordinator);
    await go(coordinator, RUDA);
    await coordinator.getByRole("link", { name: "Sprawozdawczość" }).click();
    await coordinator.waitForURL((u) => u.pathname === `${RUDA}/sprawozdawczosc`);
    await settle(coordinator);
    await checkA11y(coordinator, "rounds");
    await coordinator.getByLabel("Dokument").selectOption({ label: STRATEGY });
    await coordinator.getByLabel("Rok sprawozdawczy").fill("2021");
    await coordinator.getByLabel("Termin dla realizatorów").fill("2099-02-28");
    await click(coordinator, "Otwórz rundę", (u) =>
      /\/sprawozdawczosc\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    const roundUrl = new URL(coordinator.url()).pathname;
    await coordinator.getByRole("heading", { name: "Runda 2021", level: 1 }).first().waitFor();
    const table = coordinator.locator("table", { hasText: "Kto co przekazuje" });
    await table
      .getByRole("row", { name: new RegExp(`${CARD}.*CIS`) })
      .first()
      .waitFor();
    await checkA11y(coordinator, "round");

    await coordinator
      .getByLabel("Karta projektu lub wskaźnik")
      .selectOption({ label: `Wskaźnik: ${INDICATOR}` });
    await coordinator
      .getByLabel("Instytucja", { exact: true })
      .selectOption({ label: "CIS — Centrum Integracji Społecznej" });
    await coordinator.getByRole("button", { name: "Dodaj zadanie" }).click();
    await coordinator.getByRole("status").filter({ hasText: "Dodano zadanie." }).first().waitFor();
    await coordinator
      .getByLabel("Instytucja zapraszanej osoby")
      .selectOption({ label: "CIS — Centrum Integracji Społecznej" });
    await coordinator.getByLabel("Adres e-mail").fill(PARTNER_EMAIL);
    await coordinator.getByLabel("Imię i nazwisko (opcjonalnie)").fill("Natalia Nowa");
    await coordinator.getByRole("button", { name: "Wyślij zaproszenie" }).click();
    const sent = coordinator
      .getByRole("status")
      .filter({ hasText: `Wysłano zaproszenie na adres ${PARTNER_EMAIL}` })
      .first();
    await sent.waitFor();
    await checkA11y(coordinator, "round after inviting");
    // Without SMTP the inviter is shown the link once, to hand it over.
    const link = /\/zaproszenie\/[A-Za-z0-9_-]+/.exec((await sent.textContent()) ?? "")?.[0];
    expect(link, "invitation link shown to the inviter").toBeTruthy();

    // --- The administrator sees in the outbox that it went, but not the link. ---
    const admin = await page();
    await login(admin, ACCOUNTS.admin);
    await go(admin, `${RUDA}/poczta`);
    await checkA11y(admin, "outbox");
    const mail = admin.locator(".card-list__item", { hasText: `Do: ${PARTNER_EMAIL}` }).first();
    expect(await mail.textContent()).toContain("[link jednorazowy ukryty");
    expect(await mail.textContent()).not.toContain(link!);

    // --- The partner accepts and sets a password. ---
    const partner = await page();
    await go(partner, link!);
    await checkA11y(partner, "invitation");
    await partner.getByLabel("Imię i nazwisko").fill("Natalia Nowa");
    await partner.getByLabel("Hasło", { exact: true }).fill(PARTNER_PASSWORD);
    await partner.getByLabel("Powtórz hasło").fill(PARTNER_PASSWORD);
    await click(partner, "Przyjmij zaproszenie", (u) => u.pathname === `${RUDA}/moje-zadania`);
    await checkA11y(partner, "my tasks");
    await partner
      .getByRole("row", { name: new RegExp(`${CARD}.*nie rozpoczęto`) })
      .first()
      .waitFor();
    // The link is single-use.
    const again = await page();
    await go(again, link!);
    await again.getByText("Ten link wygasł albo został już użyty").first().waitFor();

    // The card, prefilled from 2020; findings shown at once; submitted.
    await partner.getByRole("link", { name: CARD }).click();
    await partner.waitForURL((u) => u.pathname.startsWith(`${RUDA}/moje-zadania/`));
    await settle(partner);
    const taskUrl = new URL(partner.url()).pathname;
    await expect(
      partner.getByLabel("Cel projektu", { exact: false }).first().inputValue(),
    ).resolves.toContain("Reintegracja społeczna");
    await checkA11y(partner, "card task");
    await partner.getByLabel(EFFECTS).fill("W 2021 r. w zajęciach klubu uczestniczyło 18 osób.");
    await partner.getByRole("radio", { name: "zrealizowany", exact: true }).check();
    await click(partner, "Zapisz wersję roboczą", (u) => u.searchParams.get("zapisano") === "1");
    await partner.getByText("w toku").first().waitFor();
    await expect(partner.getByRole("heading", { name: "Uwagi walidacji" }).count()).resolves.toBe(
      1,
    );
    await click(partner, "Przekaż do sprawdzenia", (u) => u.pathname === `${RUDA}/moje-zadania`);
    await partner
      .getByRole("row", { name: new RegExp(`${CARD}.*przekazano`) })
      .first()
      .waitFor();

    // The contribution, with JavaScript off.
    const noJs = await page({ javaScriptEnabled: false });
    await login(noJs, PARTNER_EMAIL, PARTNER_PASSWORD);
    await go(noJs, `${RUDA}/moje-zadania`);
    await noJs.getByRole("link", { name: INDICATOR }).click();
    await noJs.waitForLoadState("load");
    await checkA11y(noJs, "contribution task without JavaScript");
    await noJs.getByLabel(/^Wartość za rok 2021/).fill("abc");
    await noJs.getByRole("button", { name: "Przekaż do sprawdzenia" }).click();
    await noJs.waitForLoadState("load");
    await expect(
      noJs.locator(".error-summary, [role=alert]").first().textContent(),
    ).resolves.toBeTruthy();
    await checkA11y(noJs, "contribution task with an error, without JavaScript");
    await noJs.getByLabel(/^Wartość za rok 2021/).fill("12");
    await Promise.all([
      noJs.waitForURL((u) => u.pathname === `${RUDA}/moje-zadania`),
      noJs.getByRole("button", { name: "Przekaż do sprawdzenia" }).click(),
    ]);
    await noJs
      .getByRole("row", { name: new RegExp(`${INDICATOR}.*przekazano`) })
      .first()
      .waitFor();

    // --- The coordinator returns the card with a comment. ---
    await go(coordinator, roundUrl);
    await coordinator.getByRole("link", { name: CARD }).first().click();
    await coordinator.waitForURL((u) => u.pathname.startsWith(`${roundUrl}/`));
    await settle(coordinator);
    await checkA11y(coordinator, "review");
    await coordinator
      .getByLabel("Co trzeba poprawić")
      .fill("Podaj przyczynę niezrealizowania albo zmień status.");
    await click(coordinator, "Zwróć do poprawy", (u) => u.searchParams.get("zapisano") === "1");
    await coordinator.getByText("zwrócono do poprawy").first().waitFor();
    const reviewUrl = new URL(coordinator.url()).pathname;

    // --- The partner corrects and resubmits. ---
    await go(partner, taskUrl);
    await partner.getByText("Podaj przyczynę niezrealizowania").first().waitFor();
    await checkA11y(partner, "returned card");
    await partner
      .getByLabel(EFFECTS)
      .fill("W 2021 r. w zajęciach klubu uczestniczyło 18 osób; 5 podjęło pracę.");
    await click(partner, "Przekaż do sprawdzenia", (u) => u.pathname === `${RUDA}/moje-zadania`);

    // --- The coordinator accepts. ---
    await go(coordinator, reviewUrl);
    await click(coordinator, "Zatwierdź", (u) => u.searchParams.get("zapisano") === "1");
    await coordinator.getByText("zatwierdzono").first().waitFor();
    await checkA11y(coordinator, "accepted item");

    // --- The partner sees it locked. ---
    await go(partner, taskUrl);
    await partner.getByText("Zatwierdzono — pozycja jest zablokowana").first().waitFor();
    await expect(
      partner.getByRole("button", { name: "Przekaż do sprawdzenia" }).count(),
    ).resolves.toBe(0);
    await checkA11y(partner, "locked card");
    // The whole journey of three people: twice the default time, for a loaded CI machine.
  }, 180_000);

  test("another institution's task and a guessed round id are not found", async () => {
    const p = await page();
    await login(p, ACCOUNTS.partner);
    const res = await p.goto(`${RUDA}/moje-zadania/00000000-0000-4000-8000-000000000000`);
    expect(res?.status()).toBe(404);
    const round = await p.goto(`${RUDA}/sprawozdawczosc`);
    expect(round?.status()).toBe(404);
  });

  test("sign-in offers a password reset", async () => {
    const p = await page();
    await go(p, "/logowanie");
    await p.getByRole("link", { name: "Nie pamiętasz hasła?" }).click();
    await p.waitForURL((u) => u.pathname === "/haslo");
    await settle(p);
    await checkA11y(p, "password reset request");
    await p.getByLabel("Adres e-mail").fill(PARTNER_EMAIL);
    await p.getByRole("button", { name: "Wyślij link" }).click();
    await p.getByText("Jeśli konto z tym adresem istnieje").first().waitFor();
  });
});
