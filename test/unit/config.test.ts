import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config.ts";

describe("configuration", () => {
  it("has working defaults: port 3000, ./data, PGlite, demo outside production", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: "./data",
      databaseUrl: undefined,
      demo: true,
      secureCookies: false,
    });
  });

  it("never enables demo accounts in production, and uses secure cookies there", () => {
    const c = loadConfig({ NODE_ENV: "production", BUSOLA_DEMO: "true" });
    expect(c.demo).toBe(false);
    expect(c.secureCookies).toBe(true);
  });

  it("names the bad setting", () => {
    expect(() => loadConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT="abc"/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("takes a read replica only beside a primary (decision 056)", () => {
    const primary = "postgresql://busola@primary/busola";
    const standby = "postgresql://busola@standby/busola";
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: standby })).toMatchObject({
      databaseUrl: primary,
      databaseReadUrl: standby,
    });
    expect(loadConfig({}).databaseReadUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_READ_URL: standby })).toThrow(
      /DATABASE_READ_URL=.*needs DATABASE_URL/,
    );
  });
});

describe("sign-in limits", () => {
  it("limits per address (default 20) as well as per account", () => {
    expect(loadConfig({}).login).toEqual({ maxAttempts: 5, maxPerAddress: 20, windowMinutes: 15 });
    expect(loadConfig({ BUSOLA_LOGIN_MAX_PER_ADDRESS: "50" }).login.maxPerAddress).toBe(50);
    expect(() => loadConfig({ BUSOLA_LOGIN_MAX_PER_ADDRESS: "0" })).toThrow(
      /BUSOLA_LOGIN_MAX_PER_ADDRESS="0"/,
    );
    expect(() => loadConfig({ BUSOLA_LOGIN_MAX_PER_ADDRESS: "dużo" })).toThrow(ConfigError);
  });
});
