/**
 * The Content-Security-Policy of every Lagebild page, desktop or served:
 * nothing is allowed unless named, and nothing is loaded from elsewhere.
 */

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'self' is the app scheme, or serve mode's origin, and both serve only the built
  // renderer: no JSONP endpoint, no uploads (Electronegativity's evaluator asks).
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
