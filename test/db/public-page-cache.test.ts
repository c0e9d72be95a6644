// Public pages in the page cache (decision 078): a page a public loader allowed is answered to
// every browser without a session — each with its own nonce and CSRF token, a new visitor with
// a new CSRF cookie — and never after a publication, a withdrawal or a settings change, never
// to a signed-in browser, and never when a publication committed while it was being built.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { makeTenant, makeUser } from "../../app/demo/factories.ts";
import { createSession } from "../../app/domain/auth/sessions.ts";
import { invalidatePublicCache } from "../../app/domain/publication/cache.ts";
import { setServices } from "../../app/services.ts";
import { csrfCookie, sessionCookie } from "../../app/web/cookies.server.ts";
import {
  allowPublicPageCache,
  answerFromPageCache,
  keepRenderedPage,
  pageCacheClaim,
  pageStore,
  shouldKeepPage,
} from "../../app/web/page-cache/page-cache.server.ts";
import { engines, useDatabase } from "../support/db.ts";

const RENDER_NONCE = "cmVuZGVyLW5vbmNlLTEyMzQ=";
const RENDER_CSRF = "renderCsrfToken-0123456789abcdefghijklmnop";
const PATH = "/gminy/ruda-slaska/dokumenty/srps/2020";

describe.each(engines())("public pages in the page cache on %s", (engine) => {
  const database = useDatabase(engine);
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    setServices({ db: database.get().db, engine, config: loadConfig({}) });
    server = http.createServer((req, res) => {
      answerFromPageCache(req, res).then(
        (answered) => answered || res.writeHead(404).end("not cached"),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => pageStore().clear());

  /** A render by React Router for a new visitor: its answer sets the CSRF cookie. */
  async function render(text: string, opts: { cookie?: string; setCookie?: string[] } = {}) {
    const context = {};
    allowPublicPageCache(context);
    const claim = pageCacheClaim(context)!;
    const headers = new Headers({ "Content-Type": "text/html", "Cache-Control": "no-cache" });
    const setCookies = opts.setCookie ?? [await csrfCookie().serialize(RENDER_CSRF)];
    for (const c of setCookies) headers.append("Set-Cookie", c);
    const request = new Request(`http://localhost${PATH}`, {
      headers: opts.cookie ? { Cookie: opts.cookie } : {},
    });
    return { request, claim, status: 200, headers, text };
  }

  async function keep(r: Awaited<ReturnType<typeof render>>) {
    if (!shouldKeepPage(r)) return false;
    await keepRenderedPage({
      ...r,
      html: `<html><script nonce="${RENDER_NONCE}">csrf:"${RENDER_CSRF}"</script><p>${r.text}</p></html>`,
      nonce: RENDER_NONCE,
    });
    return true;
  }

  async function ask(cookie?: string, at = PATH) {
    const res = await fetch(`${base}${at}`, { headers: cookie ? { Cookie: cookie } : {} });
    return { status: res.status, headers: res.headers, body: await res.text() };
  }

  const csrfOf = async (setCookie: string | null) =>
    (await csrfCookie().parse(setCookie!.split(";")[0]!)) as string;

  it("answers everyone without a session, each with their own nonce and CSRF token", async () => {
    expect(await keep(await render("Sprawozdanie 2020"))).toBe(true);

    // A new visitor: a new CSRF cookie, and its token in the page, never the render's.
    const first = await ask();
    const second = await ask();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-busola-page-cache")).toBe("hit");
    expect(first.body).toContain("Sprawozdanie 2020");
    const token = await csrfOf(first.headers.get("set-cookie"));
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(first.body).toContain(`csrf:"${token}"`);
    expect(first.body).not.toContain(RENDER_CSRF);
    expect(first.body).not.toContain(RENDER_NONCE);
    expect(await csrfOf(second.headers.get("set-cookie"))).not.toBe(token);

    // A returning visitor keeps its cookie: no new one, its own token in the page.
    const own = "visitorsOwnCsrfToken-0123456789abcdefghijkl";
    const returning = await ask((await csrfCookie().serialize(own)).split(";")[0]);
    expect(returning.status).toBe(200);
    expect(returning.headers.get("set-cookie")).toBeNull();
    expect(returning.body).toContain(`csrf:"${own}"`);

    // Another display setting is another page; a signed-in browser goes to React Router.
    expect((await ask("busola_widok=duza.kontrast")).status).toBe(404);
    const db = database.get().db;
    const tenant = await makeTenant(db);
    const user = await makeUser(db, { tenantId: tenant.id, role: "coordinator" });
    const { token: session } = await createSession({ db, userId: user.id, hours: 1 });
    const signedIn = (await sessionCookie().serialize(session)).split(";")[0];
    expect((await ask(signedIn)).status).toBe(404);
  });

  it("is gone after a publication, a withdrawal or a settings change", async () => {
    await keep(await render("wersja 1"));
    expect((await ask()).body).toContain("wersja 1");
    // publishYear, withdrawPublication and savePublicSettings all end with this call.
    invalidatePublicCache("any-tenant");
    expect((await ask()).status).toBe(404);
    await keep(await render("wersja 2"));
    expect((await ask()).body).toContain("wersja 2");
    invalidatePublicCache();
    expect((await ask()).status).toBe(404);
  });

  it("keeps nothing built while a publication committed, for a signed-in browser, or with another cookie", async () => {
    // The loader took the generation, then a publication committed before the page was kept.
    const raced = await render("sprzed publikacji");
    invalidatePublicCache("any-tenant");
    await keep(raced);
    expect((await ask()).status).toBe(404);

    const db = database.get().db;
    const tenant = await makeTenant(db);
    const user = await makeUser(db, { tenantId: tenant.id, role: "viewer" });
    const { token } = await createSession({ db, userId: user.id, hours: 1 });
    const signedIn = [
      (await sessionCookie().serialize(token)).split(";")[0],
      (await csrfCookie().serialize(RENDER_CSRF)).split(";")[0],
    ].join("; ");
    // What a signed-in person was shown (their name in the header) is theirs alone.
    await keep(await render("dla zalogowanego", { cookie: signedIn, setCookie: [] }));
    expect((await ask()).status).toBe(404);

    // An answer that sets any other cookie belongs to its request alone.
    const other = await render("z innym ciasteczkiem", {
      setCookie: [await csrfCookie().serialize(RENDER_CSRF), "busola_zapis=1; Path=/"],
    });
    expect(await keep(other)).toBe(false);
  });
});
