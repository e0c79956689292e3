import { getProductBySlug } from '@/lib/catalog/products';
import { AppError } from '@/lib/http/errors';
import { productSlugParamsSchema } from '@/lib/catalog/schema';
import { apiHandler } from '@/lib/http/handler';

export const GET = apiHandler(async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = productSlugParamsSchema.parse(await context.params);
  const product = await getProductBySlug(slug);
  if (!product) throw new AppError('not_found', 'There is no such product.');
  return Response.json({ product });
});
