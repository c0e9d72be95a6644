// Any other address under /api: a problem document rather than an HTML error page.
import { preflight, problem } from "../../api/respond.ts";

export function loader({ request }: { request: Request }) {
  if (request.method === "OPTIONS") return preflight();
  return problem(404, "Nie ma takiego zasobu API. Listę zasobów podaje /api/openapi.json.");
}
