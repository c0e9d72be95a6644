// What a form shows: what the user just sent (after an error or a conflict), else a form
// kept when their session expired (root loader, `?przywroc=`), else the stored data.
import { useRootData } from "./use-root-data.ts";

type Values = Record<string, string | undefined>;

export function useFormValues(
  actionData: { values?: unknown; version?: string } | undefined,
  stored: { values?: Values; version?: string } = {},
): { values: Values; version: string; submitted: boolean } {
  const restored = useRootData()?.restoredForm ?? null;
  const sent = (actionData?.values as Values | undefined) ?? restored ?? undefined;
  return {
    values: sent ?? stored.values ?? {},
    version: actionData?.version ?? restored?.version ?? stored.version ?? "",
    submitted: sent !== undefined,
  };
}
