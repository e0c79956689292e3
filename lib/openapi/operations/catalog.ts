import {
  categoryListSchema,
  productBodySchema,
  productChangeSchema,
  productPageSchema,
  productQuerySchema,
  productSlugParamsSchema,
} from '@/lib/catalog/schema';
import type { Operation } from '../types';

// The catalog: categories and products, and the admin's product changes.

export const CATALOG_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/categories',
    tag: 'Catalog',
    summary: 'List the categories',
    access: 'public',
    success: {
      status: 200,
      description: 'Every category with its product count.',
      schema: categoryListSchema,
    },
  },
  {
    method: 'get',
    path: '/api/products',
    tag: 'Catalog',
    summary: 'Search and list products',
    access: 'public',
    query: productQuerySchema,
    success: { status: 200, description: 'One page of products.', schema: productPageSchema },
    errors: { 404: 'No category has that slug.' },
  },
  {
    method: 'get',
    path: '/api/products/{slug}',
    tag: 'Catalog',
    summary: 'Read one product',
    access: 'public',
    params: productSlugParamsSchema,
    success: { status: 200, description: 'The product with its description.', schema: productBodySchema },
    errors: { 404: 'No product has that slug.' },
  },
  {
    method: 'patch',
    path: '/api/admin/products/{slug}',
    tag: 'Admin',
    summary: "Change a product's stock, price or text",
    access: 'admin',
    params: productSlugParamsSchema,
    body: productChangeSchema,
    success: {
      status: 200,
      description: 'The changed product; its cached pages are expired.',
      schema: productBodySchema,
    },
    errors: { 404: 'No product has that slug.' },
  },
];
