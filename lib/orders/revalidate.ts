import 'server-only';
import { revalidateTag } from 'next/cache';

// Stock shows on cached catalog pages, tagged `product:<slug>` and `products`: a checkout that changes stock
// expires them at once. Outside a Next request (tests, scripts) there is no cache to purge, and Next says so by
// throwing; that one case is expected. Any other failure is logged: the order stands either way.
export function revalidateProductStock(slugs: readonly string[]): void {
  for (const tag of [...new Set(slugs)].map((slug) => `product:${slug}`).concat('products')) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (error instanceof Error && error.message.includes('static generation store missing')) continue;
      console.error(`Could not revalidate the catalog tag ${tag}.`, error);
    }
  }
}
