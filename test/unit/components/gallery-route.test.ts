// The component gallery is for developers: in production it is an address that does not exist.
import { afterEach, describe, expect, it } from "vitest";
import { loader } from "../../../app/routes/component-gallery.tsx";
import { setServices, type Services } from "../../../app/services.ts";

const withEnv = (env: string) =>
  setServices({ config: { env }, engine: "pglite", db: {} } as unknown as Services);

describe("component gallery route", () => {
  afterEach(() => withEnv("test"));

  it("answers 404 in production", () => {
    withEnv("production");
    let thrown: unknown;
    try {
      loader();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ init: { status: 404 } });
  });

  it("is served in development and test", () => {
    withEnv("development");
    expect(loader()).toBeNull();
  });
});
