/** The form field carrying the CSRF token (the root middleware checks it). */
export const CSRF_FIELD = "_csrf";

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
