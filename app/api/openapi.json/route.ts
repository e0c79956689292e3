import { openApiDocument } from '@/lib/openapi/document';

// The same bytes for everyone, fixed at build time: prerendered, and cacheable by browsers and CDNs for an hour.
export async function GET(): Promise<Response> {
  return Response.json(openApiDocument(), {
    headers: { 'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400' },
  });
}
