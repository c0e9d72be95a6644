// What the root loader gives every page: the CSRF token, the signed-in user and a form kept
// over an expired session. Declared here so routes and hooks never import root.tsx.
import { useRouteLoaderData } from "react-router";
import type { DisplaySettings } from "../display-settings.ts";

export type RootData = {
  csrf: string;
  user: { name: string; email: string; isSystemAdmin: boolean } | null;
  restoredForm: Record<string, string> | null;
  /** Font size and contrast chosen on the public pages (a cookie, so it works without JS). */
  display: DisplaySettings;
};

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}
