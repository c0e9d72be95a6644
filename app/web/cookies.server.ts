import { createCookie } from "react-router";
import { getServices } from "../services.ts";

// Cookie names carry the __Host- prefix only over HTTPS, where browsers enforce it.
function cookie(name: string, maxAge?: number) {
  const secure = getServices().config.secureCookies;
  return createCookie(secure ? `__Host-${name}` : name, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge,
  });
}

export const sessionCookie = (maxAge?: number) => cookie("busola_session", maxAge);
export const csrfCookie = () => cookie("busola_csrf", 60 * 60 * 24 * 7);
/**
 * The primary's WAL position after the browser's last write (decision 056). Past its age the
 * standby is assumed to have caught up; a standby further behind than that is an outage to
 * be alerted on (docs/operations.md), not lag.
 */
export const WRITE_MARK_SECONDS = 15 * 60;
export const writeMarkCookie = () => cookie("busola_zapis", WRITE_MARK_SECONDS);
