import 'server-only';
import { expireProductCache } from '@/lib/catalog/changes';

// Stock shows on cached catalog pages and in the JSON catalog: a checkout that changes stock expires them at once,
// through the catalog's own tags. Outside a Next request (scripts) there is no cache to purge, and Next says so by
// throwing; that one case is expected. Any other failure is logged: the order stands either way.
export async function revalidateProductStock(slugs: readonly string[]): Promise<void> {
  try {
    await expireProductCache(slugs);
  } catch (error) {
    if (error instanceof Error && error.message.includes('static generation store missing')) return;
    console.error('Could not expire the catalog cache after a stock change.', error);
  }
}
