// Security headers of every response (decision 027), one definition for the HTTP server (all
// responses: assets, downloads, errors) and the server entry (documents, with their nonce).

/** Documents: scripts only from this site or carrying the request's nonce; no framing. */
export function documentCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Everything that is not a rendered document: nothing may run, nothing may frame it. */
export const RESOURCE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

export function baselineHeaders(opts: { secureCookies: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": RESOURCE_CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.secureCookies ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
