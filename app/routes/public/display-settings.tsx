// GET /widok?rozmiar=…&kontrast=…&wroc=… — sets the display cookie and goes back: the font-size
// and contrast switches work as plain links, without JavaScript.
import { redirect } from "react-router";
import { z } from "../../web/forms/zod.ts";
import type { Route } from "./+types/display-settings";
import { authorize, canReadPublicPortal } from "../../policies/index.ts";
import {
  DISPLAY_COOKIE,
  displayCookieValue,
  FONT_SIZES,
  readDisplaySettings,
} from "../../web/display-settings.ts";
import { safeNext } from "../../web/safe-next.ts";

const schema = z.object({
  rozmiar: z.enum(FONT_SIZES).optional(),
  kontrast: z.enum(["tak", "nie"]).optional(),
  wroc: z.string().optional(),
});

export function loader({ request }: Route.LoaderArgs) {
  authorize(canReadPublicPortal(null));
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : {};
  const current = readDisplaySettings(request.headers.get("Cookie"));
  const next = {
    size: query.rozmiar ?? current.size,
    contrast: query.kontrast ? query.kontrast === "tak" : current.contrast,
  };
  const back = query.wroc && query.wroc.startsWith("/") ? safeNext(query.wroc) : "/";
  throw redirect(back, {
    headers: {
      "Set-Cookie": `${DISPLAY_COOKIE}=${displayCookieValue(next)}; Path=/; Max-Age=31536000; SameSite=Lax`,
    },
  });
}
