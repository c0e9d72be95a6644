// The upload forms' CSRF token is read from the body's first field, not from the URL.
import { expect, test } from "vitest";
import { readFirstMultipartField } from "../../../app/web/multipart-first-field.ts";

function upload(fields: [string, string | Blob][]): Request {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return new Request("http://localhost/g/x/import", { method: "POST", body: form });
}

test("the token as the first field is found, and the body is still whole for the route", async () => {
  const big = new Blob([new Uint8Array(2_000_000)]);
  const request = upload([
    ["_csrf", "token-123"],
    ["plik", new File([big], "raport.docx")],
  ]);
  expect(await readFirstMultipartField(request, "_csrf")).toBe("token-123");
  const form = await request.formData();
  expect((form.get("plik") as File).size).toBe(2_000_000);
});

test("a token after the file, a missing token or another first field is not accepted", async () => {
  const file = new File(["x"], "a.xlsx");
  expect(
    await readFirstMultipartField(
      upload([
        ["plik", file],
        ["_csrf", "t"],
      ]),
      "_csrf",
    ),
  ).toBeNull();
  expect(await readFirstMultipartField(upload([["plik", file]]), "_csrf")).toBeNull();
  expect(
    await readFirstMultipartField(
      upload([
        ["inne", "t"],
        ["_csrf", "t"],
      ]),
      "_csrf",
    ),
  ).toBeNull();
});
