import { vi } from 'vitest';

// Tests call the catalog's 'use cache' functions directly, outside Next's renderer: the directive is inert there, so
// its markers must be too, and revalidateTag (which needs a request's cache store) is recorded instead of applied.
vi.mock('next/cache', () => ({
  cacheLife: vi.fn(),
  cacheTag: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
}));

// Route handlers called with a plain Request have no request scope; connection() only marks them as per-request.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: vi.fn(async () => {}),
}));
