import { requireApiAdmin } from '@/lib/auth/gate';
import { updateProduct } from '@/lib/catalog/changes';
import { productChangeSchema, productSlugParamsSchema } from '@/lib/catalog/schema';
import { mutationHandler, parseJsonBody } from '@/lib/http/handler';
import { jsonAnswer } from '@/lib/http/no-store';

// Changes a product's stock, price or text; the cached pages that show it are expired with the change.
export const PATCH = mutationHandler(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    await requireApiAdmin(request);
    const { slug } = productSlugParamsSchema.parse(await params);
    const change = await parseJsonBody(request, productChangeSchema);
    return jsonAnswer({ product: await updateProduct(slug, change) });
  },
);
