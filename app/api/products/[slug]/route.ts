import { getProductBySlug } from '@/lib/catalog/products';
import { AppError } from '@/lib/http/errors';
import { apiHandler } from '@/lib/http/handler';

export const GET = apiHandler(async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const product = await getProductBySlug(slug);
  if (!product) throw new AppError('not_found', 'There is no such product.');
  return Response.json({ product });
});
