// The per-request nonce of the Content-Security-Policy (decision 027). The server entry makes
// one per document and provides it; the root layout hands it to React Router's inline scripts.
// In the browser there is none to give (browsers hide nonces from the DOM after loading).
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
