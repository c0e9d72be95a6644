// CSRF protection: a random token in an HttpOnly SameSite cookie, repeated in a hidden field
// of every form; the root middleware refuses any state-changing request where they differ.
// Before that, React Router itself refuses an action whose Origin is not this host (400);
// behind a proxy that rewrites Host, list the public origin in `allowedActionOrigins`.
import { timingSafeEqual } from "node:crypto";
import { data } from "react-router";
import { readCsrfToken } from "./csrf-token.server.ts";
import { readFirstMultipartField } from "./multipart-first-field.ts";

import { CSRF_FIELD } from "../components/csrf-input.tsx";

export { CSRF_FIELD };
export { ensureCsrfToken } from "./csrf-token.server.ts";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const REFUSED =
  "Formularz wygasł lub został wysłany z innej strony. Odśwież stronę i spróbuj ponownie — wpisane dane nie zostały zapisane.";

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").includes("multipart/form-data");
}

export async function verifyCsrf(request: Request): Promise<void> {
  const cookieToken = await readCsrfToken(request);
  let formToken: string | null = null;
  const type = request.headers.get("Content-Type") ?? "";
  if (isMultipart(request)) {
    // File uploads carry the token as the form's first field; only the body's start is read,
    // so the upload is not buffered before the route checks its size (decision 045).
    formToken = await readFirstMultipartField(request, CSRF_FIELD);
  } else if (type.includes("form")) {
    const form = await request.clone().formData();
    const v = form.get(CSRF_FIELD);
    formToken = typeof v === "string" ? v : null;
  }
  if (!cookieToken || !formToken || !same(cookieToken, formToken)) {
    throw data(REFUSED, { status: 403 });
  }
}
