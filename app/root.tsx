import "./web/zod-config.ts";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useNavigation,
  type MiddlewareFunction,
} from "react-router";
import type { Route } from "./+types/root";
import { SkipLink } from "./components/site-header.tsx";
import "./styles/app.css";
import { ensureCsrfToken, verifyCsrf } from "./web/csrf.server.ts";
import { getSessionUser, pageUrl } from "./web/auth.server.ts";
import { takeForm } from "./domain/auth/pending-forms.ts";
import { getServices } from "./services.ts";
import { useNonce } from "./web/csp-nonce.ts";
import { readRoutingMiddleware } from "./web/read-db.server.ts";
import { displayClassName, readDisplaySettings } from "./web/display-settings.ts";
import { useRootData, type RootData } from "./web/hooks/use-root-data.ts";

// Every state-changing request passes the CSRF check here, once, before any action runs.
const csrfMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) await verifyCsrf(request);
  return next();
};

// After the CSRF check, so a refused request never reaches a server; the read routing wraps
// every loader and action (decision 056).
export const middleware = [csrfMiddleware, readRoutingMiddleware];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token, setCookie } = await ensureCsrfToken(request);
  const user = await getSessionUser(request, context);
  const url = pageUrl(request);
  const restoreId = url.searchParams.get("przywroc");
  const restoredForm =
    user && restoreId
      ? await takeForm({
          db: getServices().db,
          id: restoreId,
          userId: user.userId,
          path: url.pathname,
        })
      : null;
  return data(
    {
      csrf: token,
      user: user ? { name: user.name, email: user.email, isSystemAdmin: user.isSystemAdmin } : null,
      restoredForm,
      display: readDisplaySettings(request.headers.get("Cookie")),
    } satisfies RootData,
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const display = useRootData()?.display;
  // Tells assistive technology (and the browser tests' settle()) that a client-side navigation
  // or submission is under way: the address may already be the new one while the old page shows.
  const busy = useNavigation().state !== "idle";
  return (
    <html lang="pl" className={displayClassName(display)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body aria-busy={busy || undefined}>
        <SkipLink />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = "Wystąpił nieoczekiwany błąd";
  let message =
    "Spróbuj ponownie za chwilę. Jeśli błąd się powtarza, skontaktuj się z administratorem.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) title = "Nie znaleziono strony";
    else if (error.status === 403) title = "Brak dostępu";
    if (typeof error.data === "string") message = error.data;
  }
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`${title} — Busola`}</title>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Przejdź do strony głównej</a>
      </p>
    </main>
  );
}
