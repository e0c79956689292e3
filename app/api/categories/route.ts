import { listCategories } from '@/lib/catalog/categories';
import { apiHandler } from '@/lib/http/handler';

export const GET = apiHandler(async () => {
  return Response.json({ items: await listCategories() });
});
