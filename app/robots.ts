import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

// Crawlers get the catalog; private pages and the API are of no use to them.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/account', '/admin', '/api/', '/login', '/register'] },
    sitemap: new URL('/sitemap.xml', env.SITE_URL).toString(),
  };
}
