// The page cache (decisions 037, 038): a kept page is answered only to the viewer it was
// rendered for, with this answer's nonce and CSRF token, and never after a change of the
// municipality's data, a sign-out or a new role. Pages are kept as the server entry keeps them
// (keepRenderedPage, with the claim a loader makes from the real scope) and asked for through
// a real HTTP server that answers like app/server/http.ts (cache first, else "React Router").
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import {
  makeDocument,
  makeGoal,
  makeInstitution,
  makeTenant,
  makeUser,
} from "../../app/demo/factories.ts";
import { createSession, deleteSession, findSession } from "../../app/domain/auth/sessions.ts";
import { createInstitution } from "../../app/domain/institutions.ts";
import { warsawDay } from "../../app/domain/rounds/round-dates.ts";
import { addMember } from "../../app/domain/members.ts";
import { findTenantWithActor } from "../../app/domain/tenants.ts";
import type { Tenant } from "../../app/domain/scope.ts";
import { setServices } from "../../app/services.ts";
import { csrfCookie, sessionCookie } from "../../app/web/cookies.server.ts";
import {
  answerFromPageCache,
  keepRenderedPage,
  pageStore,
  viewerOf,
} from "../../app/web/page-cache/page-cache.server.ts";
import { engines, useDatabase } from "../support/db.ts";

const SESSION_HOURS = 12;
const RENDER_NONCE = "cmVuZGVyLW5vbmNlLTEyMzQ=";

describe.each(engines())("page cache on %s", (engine) => {
  const database = useDatabase(engine);
  let server: http.Server;
  let base: string;
  let tenant: Tenant;
  let path: string;

  beforeAll(async () => {
    setServices({
      db: database.get().db,
      engine,
      config: loadConfig({ BUSOLA_SESSION_HOURS: String(SESSION_HOURS) }),
    });
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

  beforeEach(async () => {
    pageStore().clear();
    tenant = await makeTenant(database.get().db);
    path = `/g/${tenant.slug}/dokumenty/srps?rok=2020`;
  });

  /** A signed-in browser of a new person (or of `userId` again): its cookies and scope. */
  async function browserOf(userId: string) {
    const db = database.get().db;
    const { token } = await createSession({ db, userId, hours: SESSION_HOURS });
    const csrf = `csrf-${crypto.randomUUID()}-${crypto.randomUUID()}`;
    const cookie = [
      (await sessionCookie().serialize(token)).split(";")[0],
      (await csrfCookie().serialize(csrf)).split(";")[0],
    ].join("; ");
    return { token, csrf, cookie, userId };
  }

  async function person(opts: Parameters<typeof makeUser>[1]) {
    const user = await makeUser(database.get().db, { tenantId: tenant.id, ...opts });
    return browserOf(user.id);
  }

  /** What the tenant loader builds for this browser now: the scope and the claim. */
  async function scopeOf(b: { token: string }) {
    const db = database.get().db;
    const user = (await findSession({ db, token: b.token }))!;
    const found = (await findTenantWithActor(db, tenant.slug, user))!;
    return { scope: { db, tenant: found.tenant, actor: found.actor }, user };
  }

  /** The server entry keeping a page rendered for this browser. */
  async function keep(
    b: { token: string; csrf: string; cookie: string },
    text: string,
    day = warsawDay(new Date()),
  ) {
    const { scope, user } = await scopeOf(b);
    await keepRenderedPage({
      request: new Request(`http://localhost${path}`, { headers: { Cookie: b.cookie } }),
      claim: { viewer: viewerOf(scope, user), day },
      status: 200,
      headers: new Headers({ "Content-Type": "text/html" }),
      html: `<html><script nonce="${RENDER_NONCE}">ctx</script><form><input name="_csrf" value="${b.csrf}"></form><p>${text}</p><script nonce="${RENDER_NONCE}">csrf:"${b.csrf}"</script></html>`,
      nonce: RENDER_NONCE,
    });
  }

  async function ask(b: { cookie: string }, at = path, extraCookie = "") {
    const res = await fetch(`${base}${at}`, { headers: { Cookie: b.cookie + extraCookie } });
    return { status: res.status, headers: res.headers, body: await res.text() };
  }

  it("answers a kept page only to the viewer it was rendered for, with this answer's nonce and CSRF token", async () => {
    const db = database.get().db;
    const x = await makeInstitution(db, tenant.id);
    const y = await makeInstitution(db, tenant.id);
    const coordinator = await person({ role: "coordinator", name: "Anna Koordynator" });
    const otherCoordinator = await person({ role: "coordinator" });
    const partnerX = await person({ role: "partner", institutionId: x.id });
    const partnerY = await person({ role: "partner", institutionId: y.id });
    const otherTenant = await makeTenant(db);
    const stranger = await browserOf(
      (await makeUser(db, { tenantId: otherTenant.id, role: "coordinator" })).id,
    );
    await keep(coordinator, "widok koordynatora");
    await keep(partnerX, "widok realizatora X");
    // A goal coordinator's goals are part of the key; the stamp must list them alike.
    const document = await makeDocument(db, tenant.id);
    const goals = [
      await makeGoal(db, tenant.id, document.id),
      await makeGoal(db, tenant.id, document.id),
    ];
    const goalCoordinator = await person({
      role: "goal_coordinator",
      goalIds: goals.map((g) => g.id),
    });
    await keep(goalCoordinator, "widok koordynatora celu");
    expect((await ask(goalCoordinator)).body).toContain("widok koordynatora celu");

    const first = await ask(coordinator);
    const second = await ask(coordinator);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-busola-page-cache")).toBe("hit");
    expect(first.body).toContain("widok koordynatora");
    const nonceOf = (h: Headers) => /'nonce-([^']+)'/.exec(h.get("content-security-policy")!)![1]!;
    const [n1, n2] = [nonceOf(first.headers), nonceOf(second.headers)];
    expect(n1).not.toBe(n2);
    expect(first.body.split(`nonce="${n1}"`)).toHaveLength(3);
    expect(first.body).not.toContain(RENDER_NONCE);
    expect(first.body.split(coordinator.csrf)).toHaveLength(3);
    expect(first.body.length).toBe(second.body.length);

    // The same person in another browser gets that browser's CSRF token.
    const again = await browserOf(coordinator.userId);
    const elsewhere = await ask(again);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toContain(again.csrf);
    expect(elsewhere.body).not.toContain(coordinator.csrf);

    // Nobody else: not another coordinator, a partner of another institution, or someone of
    // another municipality; each would be answered by React Router.
    for (const b of [otherCoordinator, partnerY, stranger]) {
      expect((await ask(b)).status).toBe(404);
    }
    expect((await ask(partnerX)).body).toContain("widok realizatora X");
    expect((await ask(partnerX)).body).not.toContain("widok koordynatora");
    // Another display setting or a form handed back after sign-in is another page.
    expect((await ask(coordinator, path, "; busola_widok=duza.kontrast")).status).toBe(404);
    expect((await ask(coordinator, `${path}&przywroc=1`)).status).toBe(404);
  });

  it("answers a page only on the day it was rendered: pages count days to deadlines", async () => {
    const coordinator = await person({ role: "coordinator" });
    const yesterday = warsawDay(new Date(Date.now() - 86_400_000));
    await keep(coordinator, "wczoraj: zostały 2 dni", yesterday);
    expect((await ask(coordinator)).status).toBe(404);
    await keep(coordinator, "dziś: został 1 dzień");
    expect((await ask(coordinator)).body).toContain("dziś: został 1 dzień");
  });

  it("is invalidated by a change of the municipality's data, a sign-out and a new role", async () => {
    const db = database.get().db;
    const coordinator = await person({ role: "coordinator" });
    const admin = await browserOf((await makeUser(db, { isSystemAdmin: true })).id);
    await keep(coordinator, "przed zmianą");
    await keep(admin, "administrator systemu bez roli");
    const before = await scopeOf(coordinator);
    expect((await ask(coordinator)).status).toBe(200);
    expect((await ask(admin)).status).toBe(200);

    // Any audited change (here a new institution) bumps the data version.
    await createInstitution({
      scope: before.scope,
      fields: { name: "Nowa instytucja", shortName: null, kind: "ngo" },
    });
    expect((await ask(coordinator)).status).toBe(404);
    // A page rendered from the old data, kept late, is never answered.
    await keepRenderedPage({
      request: new Request(`http://localhost${path}`, { headers: { Cookie: coordinator.cookie } }),
      claim: { viewer: viewerOf(before.scope, before.user), day: warsawDay(new Date()) },
      status: 200,
      headers: new Headers(),
      html: "<p>stara wersja</p>",
      nonce: RENDER_NONCE,
    });
    expect((await ask(coordinator)).status).toBe(404);
    await keep(coordinator, "po zmianie");
    expect((await ask(coordinator)).body).toContain("po zmianie");

    // A role granted to the administrator changes what they see.
    await keep(admin, "administrator systemu bez roli");
    expect((await ask(admin)).status).toBe(200);
    const adminUser = (await findSession({ db, token: admin.token }))!;
    const municipalityAdmin = await scopeOf(await person({ role: "admin" }));
    await addMember({
      scope: municipalityAdmin.scope,
      email: adminUser.email,
      name: adminUser.name,
      password: null,
      role: "viewer",
      institutionId: null,
      goalIds: [],
    });
    expect((await ask(admin)).status).toBe(404);

    // Signed out: the cookie gets nothing any more.
    await keep(coordinator, "przed wylogowaniem");
    expect((await ask(coordinator)).status).toBe(200);
    await deleteSession({ db, token: coordinator.token });
    expect((await ask(coordinator)).status).toBe(404);
  });

  it("leaves a session due for renewal to React Router, which renews it", async () => {
    const db = database.get().db;
    const user = await makeUser(db, { tenantId: tenant.id, role: "coordinator" });
    const fresh = await browserOf(user.id);
    await keep(fresh, "strona");
    expect((await ask(fresh)).status).toBe(200);
    const { token } = await createSession({ db, userId: user.id, hours: SESSION_HOURS / 4 });
    const ageing = {
      ...fresh,
      cookie: `${(await sessionCookie().serialize(token)).split(";")[0]}; ${fresh.cookie.split("; ")[1]}`,
    };
    expect((await ask(ageing)).status).toBe(404);
  });
});
