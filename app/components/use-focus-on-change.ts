import { useEffect, type RefObject } from "react";

/**
 * Moves focus to `ref` whenever `signature` changes to a non-empty value.
 *
 * Keyed on content rather than on mount because with JavaScript enabled a
 * component stays mounted across submissions: it is first rendered empty, and
 * only a later action result fills it. Keying on content (not array identity)
 * also keeps focus from being stolen on unrelated parent re-renders.
 * Runs only in the browser, so server rendering is unaffected.
 */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, signature: string): void {
  useEffect(() => {
    if (signature !== "") ref.current?.focus();
  }, [ref, signature]);
}
