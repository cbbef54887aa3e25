// The headers every answer under /api/ carries, errors included (web/errors.tsx adds them to those).

export const JSON_TYPE = "application/json; charset=utf-8";
export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/**
 * The API is public, read-only and uses no cookies, so any origin may read it. ETag and Link are not among
 * the response headers a browser shows a script unless they are exposed (Fetch: CORS-safelisted headers).
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Link",
};
