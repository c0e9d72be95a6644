import { describe, expect, it } from "vitest";
import { findSession, createSession } from "../../app/domain/auth/sessions.ts";
import { signIn } from "../../app/domain/auth/sign-in.ts";
import { makeUser } from "../../app/demo/factories.ts";
import { UserInputError } from "../../app/domain/errors.ts";
import { createUser } from "../../app/domain/users.ts";
import { engines, useDatabase } from "../support/db.ts";

const limit = { maxAttempts: 3, maxPerAddress: 20, windowMinutes: 15 };

describe.each(engines())("sign-in on %s", (engine) => {
  const database = useDatabase(engine);

  it("signs in with the right password and finds the session by its token", async () => {
    const db = database.get().db;
    const u = await makeUser(db);
    const result = await signIn({
      db,
      email: u.email.toUpperCase(),
      password: u.password,
      clientAddress: "1.1.1.1",
      limit,
      sessionHours: 1,
    });
    expect(result.ok).toBe(true);
    const session = await findSession({ db, token: (result as { token: string }).token });
    expect(session?.userId).toBe(u.id);
  });

  it("refuses a wrong password in Polish and locks out after too many attempts", async () => {
    const db = database.get().db;
    const u = await makeUser(db);
    for (let i = 0; i < 3; i++) {
      const r = await signIn({
        db,
        email: u.email,
        password: "zle-haslo",
        clientAddress: "2.2.2.2",
        limit,
        sessionHours: 1,
      });
      expect(r).toMatchObject({
        ok: false,
        reason: "invalid",
        message: "Nieprawidłowy adres e-mail lub hasło.",
      });
    }
    const locked = await signIn({
      db,
      email: u.email,
      password: u.password,
      clientAddress: "2.2.2.2",
      limit,
      sessionHours: 1,
    });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect((locked as { message: string }).message).toContain(
      "Zbyt wiele nieudanych prób logowania",
    );
  });

  it("an expired session is not a session", async () => {
    const db = database.get().db;
    const u = await makeUser(db);
    const { token } = await createSession({ db, userId: u.id, hours: -1 });
    expect(await findSession({ db, token })).toBeNull();
  });

  it("rejects a weak password for a real account", async () => {
    const db = database.get().db;
    await expect(
      createUser({ db, email: "a@b.pl", name: "A", password: "krotkie" }),
    ).rejects.toBeInstanceOf(UserInputError);
  });
});
