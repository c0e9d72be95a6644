// Password spraying: many accounts, one address. The per-account counter never fires, so the
// per-address counter must; the login page answers 429 with Retry-After.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { signIn } from "../../app/domain/auth/sign-in.ts";
import { requestPasswordReset } from "../../app/domain/auth/password-reset.ts";
import { makeUser } from "../../app/demo/factories.ts";
import { CLIENT_ADDRESS_HEADER } from "../../app/server/http.ts";
import { setServices } from "../../app/services.ts";
import { action as loginAction } from "../../app/routes/login.tsx";
import { engines, useDatabase } from "../support/db.ts";

const limit = { maxAttempts: 5, maxPerAddress: 10, windowMinutes: 15 };

describe.each(engines())("sign-in limits on %s", (engine) => {
  const database = useDatabase(engine);

  it("refuses the 11th e-mail sprayed from one address, even with the right password", async () => {
    const db = database.get().db;
    const address = `10.0.${Math.floor(Math.random() * 250)}.${Date.now() % 250}`;
    const victim = await makeUser(db);
    for (let i = 0; i < 10; i++) {
      const r = await signIn({
        db,
        email: `ofiara-${i}-${Date.now()}@gmina.pl`,
        password: "Haslo123!",
        clientAddress: address,
        limit,
        sessionHours: 1,
      });
      expect(r).toMatchObject({ ok: false, reason: "invalid" });
    }
    const locked = await signIn({
      db,
      email: victim.email,
      password: victim.password,
      clientAddress: address,
      limit,
      sessionHours: 1,
    });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (locked.ok || locked.reason !== "locked") throw new Error("expected a lock");
    expect(locked.message).toMatch(/^Zbyt wiele nieudanych prób logowania\. Spróbuj ponownie za/);
    expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // Another address is not affected.
    const elsewhere = await signIn({
      db,
      email: victim.email,
      password: victim.password,
      clientAddress: `${address}-inna`,
      limit,
      sessionHours: 1,
    });
    expect(elsewhere.ok).toBe(true);
  });

  it("a correct password does not reset the address counter", async () => {
    const db = database.get().db;
    const address = `10.1.0.${Date.now() % 250}-${Math.random()}`;
    const known = await makeUser(db);
    const attempt = (email: string, password: string) =>
      signIn({ db, email, password, clientAddress: address, limit, sessionHours: 1 });
    for (let i = 0; i < 9; i++) await attempt(`x${i}-${Date.now()}@gmina.pl`, "zgadywane");
    expect((await attempt(known.email, known.password)).ok).toBe(true);
    await attempt(`ostatni-${Date.now()}@gmina.pl`, "zgadywane");
    expect(await attempt(known.email, known.password)).toMatchObject({ reason: "locked" });
  });

  it("the login page answers 12 sprayed e-mails with 429, a Polish message and Retry-After", async () => {
    const database_ = database.get();
    setServices({
      db: database_.db,
      engine,
      config: loadConfig({ BUSOLA_LOGIN_MAX_PER_ADDRESS: "11", BUSOLA_LOGIN_MAX_ATTEMPTS: "5" }),
    });
    const address = `172.16.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    let last: unknown;
    for (let i = 0; i < 12; i++) {
      const body = new URLSearchParams({ email: `s${i}-${Date.now()}@gmina.pl`, password: "x" });
      const request = new Request("http://localhost/logowanie", {
        method: "POST",
        body,
        headers: { [CLIENT_ADDRESS_HEADER]: address },
      });
      last = await loginAction({ request, params: {}, context: {} } as never);
      statuses.push((last as { init?: { status?: number } }).init?.status ?? 200);
    }
    expect(statuses.slice(0, 11)).toEqual(Array(11).fill(400));
    expect(statuses[11]).toBe(429);
    const init = (last as { init: { headers: Record<string, string> } }).init;
    expect(Number(new Headers(init.headers).get("Retry-After"))).toBeGreaterThan(0);
    const errors = (last as { data: { errors: { message: string }[] } }).data.errors;
    expect(errors[0]!.message).toContain("Zbyt wiele nieudanych prób logowania");
  });

  it("a reset request says nothing about whether the account exists", async () => {
    const db = database.get().db;
    const user = await makeUser(db);
    await expect(requestPasswordReset({ db, email: user.email })).resolves.toBeUndefined();
    await expect(
      requestPasswordReset({ db, email: `nikogo-${Date.now()}@gmina.pl` }),
    ).resolves.toBeUndefined();
  });
});
