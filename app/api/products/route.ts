import { listProducts } from '@/lib/catalog/products';
import { productQuerySchema } from '@/lib/catalog/schema';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';

export const GET = apiHandler(async (request: Request) => {
  const query = parseSearchParams(request, productQuerySchema);
  return Response.json(await listProducts(query));
});
