// GET /api/openapi.json — the API's OpenAPI 3.1 document, generated from its Zod schemas.
import type { Route } from "./+types/openapi";
import { publicGet } from "../../api/handler.server.ts";
import { openApiDocument } from "../../api/openapi.ts";
import { bodyOf } from "../../api/respond.ts";

export async function loader({ request }: Route.LoaderArgs) {
  return publicGet(request, {
    key: "openapi",
    build: async () => bodyOf(JSON.stringify(openApiDocument()), "application/json; charset=utf-8"),
  });
}
