import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { deleteSession } from "../domain/auth/sessions.ts";
import { getServices } from "../services.ts";
import { readSessionToken } from "../web/auth.server.ts";
import { sessionCookie } from "../web/cookies.server.ts";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const token = await readSessionToken(request);
  if (token) await deleteSession({ db: getServices().db, token });
  throw redirect("/logowanie", { headers: { "Set-Cookie": await sessionCookie(0).serialize("") } });
}
