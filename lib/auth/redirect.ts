/**
 * Where to send someone after signing in: only a path on this site. Anything that a browser could read as another
 * origin ("//evil.example", "/\\evil.example", "https://evil.example", control characters) becomes "/".
 */
export function safeNextPath(value: unknown): string {
  // A repeated ?next= arrives as an array: the first one counts.
  if (Array.isArray(value)) return safeNextPath(value[0]);
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return '/';
  if (!isLocalPath(value)) return '/';
  try {
    const url = new URL(value, LOCAL_BASE);
    if (url.origin !== LOCAL_BASE) return '/';
    // The URL parser removes dot segments ("/.//x", "/a/..//x", "/%2e//x" all become "//x"), so what it gives
    // back is checked again: the value we answer with is the one a browser will follow.
    const normalized = `${url.pathname}${url.search}${url.hash}`;
    return isLocalPath(normalized) && new URL(normalized, LOCAL_BASE).origin === LOCAL_BASE
      ? normalized
      : '/';
  } catch {
    return '/';
  }
}

const LOCAL_BASE = 'http://local.invalid';

function isLocalPath(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return false;
  // Browsers drop tabs and newlines inside URLs, so "/\t/evil.example" would become "//evil.example"; a backslash
  // reads as a slash.
  return !/[\u0000-\u001f\u007f\\]/.test(value);
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

/** The page that says sessions cannot be verified right now, offering `path` again. */
export function sessionUnavailablePath(path = '/'): string {
  return withNext('/session-unavailable', path);
}
