// The action pipeline answers crafted posts — missing fields, wrong types, repeated names,
// control characters — with Polish messages at the fields, never Zod's English defaults.
import { describe, expect, it } from "vitest";
import { ConflictError, UserInputError } from "../../../app/domain/errors.ts";
import { formAction, readForm } from "../../../app/web/forms/action.server.ts";
import { cardSchema } from "../../../app/web/forms/card.ts";
import { documentSchema } from "../../../app/web/forms/document.ts";
import { indicatorValueSchema } from "../../../app/web/forms/indicator-value.ts";
import { institutionSchema } from "../../../app/web/forms/institution.ts";
import { z } from "../../../app/web/forms/zod.ts";

function post(fields: [string, string][]) {
  const body = new URLSearchParams(fields);
  return new Request("http://busola.test/form", { method: "POST", body });
}

type Answer = { data: { errors: { field: string; message: string }[] }; init: { status?: number } };

async function answer(schema: z.ZodType, fields: [string, string][]) {
  const result = (await formAction({
    request: post(fields),
    schema,
    act: async () => "saved",
  })) as unknown as Answer | string;
  if (typeof result === "string") return { status: 200, errors: [] };
  return { status: result.init.status, errors: result.data.errors };
}

// Words of Zod's English messages ("Invalid input: expected string, received undefined").
const ENGLISH = /\b(invalid|expected|received|required|too (big|small)|must|string|number)\b/i;

describe("the action pipeline", () => {
  it.each([
    ["institution, nothing sent", institutionSchema, []],
    ["document, nothing sent", documentSchema, []],
    ["card, nothing sent", cardSchema, []],
    [
      "card, a field sent twice",
      cardSchema,
      [
        ["status", "finished"],
        ["status", "finished"],
      ],
    ],
    ["indicator value, rows of the wrong shape", indicatorValueSchema, [["contributions", "x"]]],
  ] as [string, z.ZodType, [string, string][]][])(
    "answers %s with 400 and Polish messages",
    async (_name, schema, fields) => {
      const { status, errors } = await answer(schema, fields);
      expect(status).toBe(400);
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.message).not.toMatch(ENGLISH);
    },
  );

  it("reads a date typed the Polish way or sent by a picker; an impossible day is refused at its field", async () => {
    const fields = (date: string): [string, string][] => [
      ["kind", "strategy"],
      ["title", "Strategia"],
      ["slug", "srps-2021-2030"],
      ["periodStart", "2021"],
      ["periodEnd", "2030"],
      ["resolutionDate", date],
      ["status", "in_force"],
    ];
    const read = (date: string) => documentSchema.parse(Object.fromEntries(fields(date)));
    expect(read("25.03.2021 r.").resolutionDate).toBe("2021-03-25");
    expect(read("2021-03-25").resolutionDate).toBe("2021-03-25");
    expect(read("").resolutionDate).toBeNull();
    const { status, errors } = await answer(documentSchema, fields("31.02.2021"));
    expect(status).toBe(400);
    expect(errors).toEqual([
      { field: "resolutionDate", message: "Wpisz datę uchwały, np. 25.03.2021." },
    ]);
  });

  it("speaks Polish where a schema words nothing itself", async () => {
    const { errors } = await answer(z.object({ name: z.string(), count: z.number() }), [
      ["count", "x"],
    ]);
    expect(errors.map((e) => e.field)).toEqual(["name", "count"]);
    expect(errors.map((e) => e.message)).toEqual([
      "Uzupełnij to pole.",
      "Nieprawidłowa wartość pola.",
    ]);
  });

  it("refuses control characters in any text field, at that field", async () => {
    const { status, errors } = await answer(institutionSchema, [
      ["name", "Miejski Ośrodek\u0000Pomocy"],
      ["shortName", "MOPS"],
      ["kind", "mops"],
    ]);
    expect(status).toBe(400);
    expect(errors).toEqual([
      { field: "name", message: "Pole zawiera niedozwolone znaki sterujące." },
    ]);
    // Tab, CR and LF are text.
    const ok = await answer(z.object({ text: z.string() }), [["text", "a\tb\r\nc"]]);
    expect(ok.status).toBe(200);
  });

  it("reads rows by one convention and keeps repeated names as lists", () => {
    const form = new FormData();
    form.append("_csrf", "t");
    form.append("parts.1.amount", "5");
    form.append("parts.0.amount", "3");
    form.append("parts.0.sourceLabel", "budżet miasta");
    form.append("add.value", "7");
    form.append("accept", "a");
    form.append("accept", "b");
    form.append("version", "4");
    const sent = readForm(form);
    expect(sent.input).toEqual({
      parts: [{ amount: "3", sourceLabel: "budżet miasta" }, { amount: "5" }],
      "add.value": "7",
      accept: ["a", "b"],
      version: "4",
    });
    expect(sent.version).toBe(4);
    expect(sent.values._csrf).toBeUndefined();
  });

  it("parses Polish numbers in rows with errors at the row's field", async () => {
    const { status, errors } = await answer(indicatorValueSchema, [
      ["contributions.0.institutionId", "i1"],
      ["contributions.0.value", "dwanaście"],
      ["breakdowns.0.label", "K"],
    ]);
    expect(status).toBe(400);
    expect(errors).toEqual([
      { field: "contributions.0.value", message: expect.stringMatching(/liczb/) },
      { field: "breakdowns.0.value", message: "Wpisz wartość dla tej kategorii." },
    ]);
    for (const e of errors) expect(e.message).not.toMatch(ENGLISH);
  });

  it("answers domain errors in one place: 400 at the field, 409 with the conflict", async () => {
    const schema = z.object({ name: z.string() });
    const invalid = (await formAction({
      request: post([["name", "x"]]),
      schema,
      act: async () => {
        throw new UserInputError("Taka nazwa już jest.", "name");
      },
    })) as unknown as Answer;
    expect(invalid.init.status).toBe(400);
    expect(invalid.data.errors).toEqual([{ field: "name", message: "Taka nazwa już jest." }]);
    const conflict = (await formAction({
      request: post([
        ["name", "x"],
        ["version", "1"],
      ]),
      schema,
      act: async () => {
        throw new ConflictError({
          changes: [{ field: "name", before: "a", after: "b" }],
          by: "Anna Nowak",
          at: null,
          current: { version: 2 },
        });
      },
    })) as unknown as Answer & { data: { version: string; conflict: { by: string } } };
    expect(conflict.init.status).toBe(409);
    expect(conflict.data).toMatchObject({ version: "2", conflict: { by: "Anna Nowak" } });
  });
});
