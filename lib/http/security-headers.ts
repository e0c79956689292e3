// Browser security headers for every response: pages (cached ones included), route handlers and static files.
// next.config.ts sends them, so they are fixed when the app is built: the script policy cannot use per-request
// nonces, because cached pages are the same bytes for everyone. Nor hashes: Next streams each page's RSC payload as
// inline scripts (self.__next_f.push([1,"…"])) whose text is that page's data (a product's stock, too), rendered
// after the headers are sent and different per page and per change, and this fixed header cannot list them; 'self'
// with hashes alone would stop every page from hydrating. So <script> elements are allowed from this origin and
// inline, and nowhere else; inline event handlers (onerror="…", the usual payload of injected markup) are not
// (script-src-attr: React never renders them), the script files carry their hashes (next.config.ts experimental.sri),
// and everything that would let another site frame, plug in, rebase or receive a form from these pages is refused.

type SecurityHeaderOptions = {
  /** The public address: HSTS is sent only when it is https. */
  siteUrl: string;
  /** Development adds what Next's hot reload needs (eval, a websocket). */
  development: boolean;
};

type Header = { key: string; value: string };

export function contentSecurityPolicy({ development }: Pick<SecurityHeaderOptions, 'development'>): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

// Features this shop never uses; a script injected into it gets none of them either.
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

export function securityHeaders(options: SecurityHeaderOptions): Header[] {
  const headers: Header[] = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    // For browsers that predate frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  if (new URL(options.siteUrl).protocol === 'https:') {
    // Two years, the preload list's minimum; only over https, where browsers honour it.
    headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  }
  return headers;
}
