/**
 * Where to send someone after signing in: only a path on this site. Anything that a browser could read as another
 * origin ("//evil.example", "/\\evil.example", "https://evil.example", control characters) becomes "/".
 */
export function safeNextPath(value: unknown): string {
  // A repeated ?next= arrives as an array: the first one counts.
  if (Array.isArray(value)) return safeNextPath(value[0]);
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Browsers drop tabs and newlines inside URLs, so "/\t/evil.example" would become "//evil.example".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const base = 'http://local.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

function withNext(page: string, path: string): string {
  const next = safeNextPath(path);
  return next === '/' ? page : `${page}?next=${encodeURIComponent(next)}`;
}

/** The login page's address that comes back to `path` afterwards. */
export function loginPath(path: string): string {
  return withNext('/login', path);
}

/** The sign-up page's address that comes back to `path` afterwards. */
export function registerPath(path: string): string {
  return withNext('/register', path);
}
