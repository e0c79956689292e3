import { randomUUID } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { test as base, expect } from '@playwright/test';
import {
  buildOpenApiDocument,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from '@/lib/openapi/document';
import { e2ePaymentsSecret } from '../test/env';
import { arbitraryFor, type JsonSchema } from './fixtures/json-schema-arbitrary';
import { DEMO_ADMIN, newCredentials } from './fixtures/users';

// The API document drives this run: for every operation in it, fast-check builds requests from its schemas (valid,
// then mutated: wrong types, missing and extra fields, huge and unicode strings, deep nesting, non-JSON bodies,
// wrong content types, bad path, query and header values), sends them as each kind of caller, and checks that every
// answer is a status the document lists for that operation, never a 5xx, with a body its schema accepts. A route is
// fuzzed as soon as it is documented. FUZZ_SEED replays a run (the seed is printed); FUZZ_RUNS sets the cases per
// operation and caller.
//
// Requests go through fetch with the cookie set by hand: a Playwright request context would keep the cookies the
// sign-in cases set and send them with every later case, so "signed out" would not stay signed out.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const document = buildOpenApiDocument();
const components = document.components.schemas as Record<string, JsonSchema>;

type Caller = 'signed out' | 'shopper' | 'admin' | 'service';

type Identities = { cookieOf(caller: Exclude<Caller, 'signed out' | 'service'>): Promise<string> };

/** One request, ready to send. */
type Case = {
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
  mutation: string;
};

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => /^(__Host-)?sid=/.test(value));
  if (!cookie) throw new Error(`no session cookie from ${response.url} (${response.status})`);
  return cookie.split(';')[0] as string;
}

async function post(baseURL: string, path: string, body: unknown, cookie?: string, method = 'POST') {
  return fetch(new URL(path, baseURL), {
    method,
    headers: { 'content-type': 'application/json', origin: baseURL, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

async function register(baseURL: string): Promise<string> {
  const response = await post(baseURL, '/api/auth/register', newCredentials());
  expect(response.status, await response.clone().text()).toBe(201);
  return sessionCookie(response);
}

/** A fresh account made admin by the demo admin, so what the fuzz does as an admin touches no one else's sessions. */
async function freshAdmin(baseURL: string): Promise<string> {
  const cookie = await register(baseURL);
  const { user } = (await (await fetch(new URL('/api/me', baseURL), { headers: { cookie } })).json()) as {
    user: { id: string };
  };
  const signIn = await post(baseURL, '/api/auth/login', DEMO_ADMIN);
  expect(signIn.status).toBe(200);
  const admin = sessionCookie(signIn);
  expect((await post(baseURL, `/api/admin/users/${user.id}`, { role: 'admin' }, admin, 'PATCH')).status).toBe(
    200,
  );
  expect((await post(baseURL, '/api/auth/logout', {}, admin)).status).toBe(204);
  return cookie;
}

const test = base.extend<{ identities: Identities }, { ajv: Ajv2020 }>({
  ajv: [
    async ({}, provide) => {
      const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
      addFormats(ajv);
      ajv.addSchema({ $id: 'api', components: document.components });
      await provide(ajv);
    },
    { scope: 'worker' },
  ],
  identities: async ({ baseURL }, provide) => {
    const base = baseURL as string;
    const sessions = new Map<string, string>();
    // A case may sign its caller out (logout, revoking its own device, a password change): a new account then.
    await provide({
      async cookieOf(caller) {
        const known = sessions.get(caller);
        if (known) {
          const me = await fetch(new URL('/api/me', base), { headers: { cookie: known } });
          await me.body?.cancel();
          if (me.status === 200) return known;
        }
        const cookie = caller === 'admin' ? await freshAdmin(base) : await register(base);
        sessions.set(caller, cookie);
        return cookie;
      },
    });
  },
});

function serviceToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('storefront')
    .setAudience('payments')
    .setIssuedAt(now)
    .setExpirationTime(now + 30)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(e2ePaymentsSecret()));
}

// Mutations ----------------------------------------------------------------------------------------------------

type Json = unknown;
type Valid = {
  params: Record<string, Json>;
  query: Record<string, Json>;
  headers: Record<string, Json>;
  body: Json;
};

/** Every place inside a JSON value that can be replaced: [] is the value itself. */
function placesIn(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const places = [path];
  if (Array.isArray(value)) value.forEach((item, i) => places.push(...placesIn(item, [...path, i])));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...path, key]));
  }
  return places;
}

function replaceAt(value: Json, path: (string | number)[], replacement: Json | typeof DROP): Json {
  if (!path.length) return replacement === DROP ? undefined : replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    Json
  >;
  const next = replaceAt(copy[head], rest, replacement);
  if (rest.length === 0 && replacement === DROP) delete copy[head];
  else copy[head] = next;
  return copy;
}

const DROP = Symbol('drop');

const WRONG_TYPES: Json[] = [null, true, 0, -1, 1.5, 1e308, '', 'x', [], {}, [1, 2], { a: 1 }];
const NASTY_STRINGS = [
  '\u0000',
  '\u202eevil',
  '𝕏'.repeat(300),
  '\ud800',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  ' ',
  '%00',
  '{{7*7}}',
];

const stringLeaf = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(1000, 5000, 20_000).map((length) => 'x'.repeat(length)),
);

// Deep values are kept as JSON text: as objects they would overflow the stack of whatever walks them here.
const deepText = fc
  .tuple(fc.constantFrom(50, 1000, 5000), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth),
  );
const DEEP_MARK = '\u0000deep\u0000';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

type Mutate = { name: string; apply(valid: Valid, request: Case): Case };

/** How to spoil a valid request of `operation`: only what applies to it. */
function mutations(operation: OpenApiOperation, build: (valid: Valid) => Case): fc.Arbitrary<Mutate>[] {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header');
  const withBody = (
    name: string,
    body: (valid: Valid) => string | undefined,
    headers?: Record<string, string>,
  ) => ({
    name,
    apply: (valid: Valid, request: Case): Case => ({
      ...request,
      body: body(valid),
      headers: { ...request.headers, ...headers },
      mutation: name,
    }),
  });
  const list: fc.Arbitrary<Mutate>[] = [];
  if (operation.requestBody) {
    const place = fc.nat();
    list.push(
      fc.tuple(place, fc.constantFrom(...WRONG_TYPES)).map(([i, replacement]) =>
        withBody('wrong type', (valid) => {
          const places = placesIn(valid.body);
          return JSON.stringify(
            replaceAt(valid.body, places[i % places.length] as (string | number)[], replacement),
          );
        }),
      ),
      place.map((i) =>
        withBody('missing field', (valid) => {
          const places = placesIn(valid.body).filter((path) => path.length > 0);
          if (!places.length) return '';
          return JSON.stringify(
            replaceAt(valid.body, places[i % places.length] as (string | number)[], DROP),
          );
        }),
      ),
      fc
        .tuple(
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'role', 'priceCents'), fc.string()),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([key, extra]) =>
          withBody('extra field', (valid) =>
            // A computed key makes "__proto__" an own field, as JSON.parse on the server would.
            JSON.stringify(
              valid.body && typeof valid.body === 'object' && !Array.isArray(valid.body)
                ? { ...valid.body, [key]: extra }
                : { [key]: extra },
            ),
          ),
        ),
      fc.tuple(place, stringLeaf).map(([i, text]) =>
        withBody('odd string', (valid) => {
          const places = placesIn(valid.body);
          return JSON.stringify(
            replaceAt(valid.body, places[i % places.length] as (string | number)[], text),
          );
        }),
      ),
      fc.tuple(place, deepText).map(([i, deep]) =>
        withBody('deep nesting', (valid) => {
          const places = placesIn(valid.body);
          const marked = replaceAt(valid.body, places[i % places.length] as (string | number)[], DEEP_MARK);
          return JSON.stringify(marked).replace(JSON.stringify(DEEP_MARK), deep);
        }),
      ),
      fc
        .oneof(
          fc.constantFrom('', '{', '{"a":', 'a=b&c=d', 'null', '[]', '"x"', '0', 'true', '\u0000'),
          fc.string(),
        )
        .map((raw) => withBody('not a JSON object', () => raw)),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=latin1',
        )
        .map((type) =>
          withBody('wrong content type', (valid) => JSON.stringify(valid.body), { 'content-type': type }),
        ),
    );
  }
  const oddParam = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.constantFrom(...NASTY_STRINGS, '-1', '0', '1.5', '1e400', 'NaN', 'a'.repeat(3000)),
  );
  if (pathParams.length) {
    list.push(
      fc
        .tuple(
          fc.constantFrom(...pathParams),
          oddParam.filter((value) => value !== '.' && value !== '..'),
        )
        .map(([param, value]) => ({
          name: 'bad path parameter',
          apply: (valid: Valid): Case => ({
            ...build({ ...valid, params: { ...valid.params, [param.name]: value } }),
            mutation: `bad path parameter ${param.name}`,
          }),
        })),
    );
  }
  list.push(
    fc
      .tuple(
        fc.oneof(fc.constantFrom(...queryParams.map((p) => p.name), 'x'), fc.string({ maxLength: 10 })),
        oddParam,
      )
      .map(([name, value]) => ({
        name: 'odd query',
        apply: (_valid: Valid, request: Case): Case => ({
          ...request,
          query: [...request.query, [name, value]],
          mutation: `odd query ${name}`,
        }),
      })),
  );
  if (headerParams.length) {
    list.push(
      fc
        .tuple(
          fc.constantFrom(...headerParams),
          fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 120 })),
        )
        .map(([param, value]) => ({
          name: 'bad header',
          apply: (_valid: Valid, request: Case): Case => {
            const headers = { ...request.headers };
            if (value === null) delete headers[param.name];
            else headers[param.name] = value.replace(/[\r\n]/g, '');
            return { ...request, headers, mutation: `bad header ${param.name}` };
          },
        })),
    );
  }
  return list;
}

// The run -------------------------------------------------------------------------------------------------------

function objectArbitrary(parameters: OpenApiParameter[]): fc.Arbitrary<Record<string, Json>> {
  const fields = Object.fromEntries(parameters.map((p) => [p.name, arbitraryFor(p.schema, components)]));
  return fc.record(fields, { requiredKeys: parameters.filter((p) => p.required).map((p) => p.name) });
}

function callersOf(operation: OpenApiOperation): Caller[] {
  switch (operation['x-access']) {
    case 'service':
      return ['signed out', 'service'];
    case 'admin':
      return ['signed out', 'shopper', 'admin'];
    default:
      return ['signed out', 'shopper'];
  }
}

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);

let seedOffset = 0;

test.describe('API fuzz', () => {
  test('the served document is the one generated from the schemas', async ({ request }) => {
    const response = await request.get('/api/openapi.json');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('public');
    expect((await response.json()) as OpenApiDocument).toEqual(JSON.parse(JSON.stringify(document)));
    console.log(`API fuzz: seed ${SEED}, ${RUNS} cases per operation and caller (FUZZ_SEED, FUZZ_RUNS).`);
  });

  for (const { path, method, operation } of operations) {
    const seed = SEED + seedOffset++;
    test(`${method.toUpperCase()} ${path} answers as documented`, async ({ identities, ajv, baseURL }) => {
      test.slow();
      const origin = baseURL as string;
      const validators = new Map<string, ValidateFunction>();
      const validatorFor = (schema: JsonSchema) => {
        const key = JSON.stringify(schema);
        let validate = validators.get(key);
        if (!validate) {
          validate = ajv.compile(JSON.parse(key.replaceAll('"#/components/', '"api#/components/')) as object);
          validators.set(key, validate);
        }
        return validate;
      };

      const parameters = (where: OpenApiParameter['in']) =>
        operation.parameters.filter((p) => p.in === where);
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      const valid: fc.Arbitrary<Valid> = fc.record({
        params: objectArbitrary(parameters('path')),
        query: objectArbitrary(parameters('query')),
        headers: objectArbitrary(parameters('header')),
        body: bodySchema ? arbitraryFor(bodySchema, components) : fc.constant(undefined),
      });
      const build = (values: Valid): Case => ({
        path: path.replace(/\{(\w+)\}/g, (_, name: string) =>
          // A lone surrogate cannot be put in a URL at all; the server never sees one there.
          encodeURIComponent(String(values.params[name]).replace(LONE_SURROGATE, '\ufffd')),
        ),
        query: Object.entries(values.query).map(([name, value]) => [name, String(value)]),
        headers: {
          ...Object.fromEntries(Object.entries(values.headers).map(([name, value]) => [name, String(value)])),
          ...(values.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: values.body === undefined ? undefined : JSON.stringify(values.body),
        mutation: 'none',
      });
      const spoil = fc.oneof(...mutations(operation, build));
      const cases = fc
        .tuple(valid, fc.option(spoil, { freq: 4 }))
        .map(([values, mutate]) => (mutate ? mutate.apply(values, build(values)) : build(values)));

      let count = 0;
      for (const caller of callersOf(operation)) {
        await fc.assert(
          fc.asyncProperty(cases, async (request) => {
            count += 1;
            const headers: Record<string, string> = { origin, ...request.headers };
            if (caller === 'shopper' || caller === 'admin')
              headers.cookie = await identities.cookieOf(caller);
            if (caller === 'service') headers.authorization = `Bearer ${await serviceToken()}`;
            const url = new URL(request.path, origin);
            for (const [name, value] of request.query) url.searchParams.append(name, value);
            const response = await fetch(url, {
              method: method.toUpperCase(),
              headers,
              body: request.body,
              redirect: 'manual',
            });
            const status = response.status;
            const what = `${method.toUpperCase()} ${url.pathname}${url.search.slice(0, 200)} as ${caller}, ${request.mutation} → ${status}`;
            const documented = operation.responses[String(status)];
            const type = response.headers.get('content-type') ?? '';
            if (type.startsWith('text/event-stream')) {
              await response.body?.cancel();
              expect(documented?.content?.['text/event-stream'], what).toBeTruthy();
              return;
            }
            const text = await response.text();
            expect(status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
            expect(documented, `${what}: status not in the document (${text.slice(0, 300)})`).toBeTruthy();
            const schema = documented?.content?.['application/json']?.schema;
            if (!schema) {
              expect(text, `${what}: a body where the document says none`).toBe('');
              return;
            }
            expect(type, what).toContain('application/json');
            const validate = validatorFor(schema);
            const body: unknown = JSON.parse(text);
            expect(
              validate(body),
              `${what}: ${JSON.stringify(validate.errors)} in ${text.slice(0, 500)}`,
            ).toBe(true);
          }),
          // Each caller its own seed: the same cases for everyone would test less.
          { seed: seed * 10 + callersOf(operation).indexOf(caller), numRuns: RUNS, endOnFailure: true },
        );
      }
      test.info().annotations.push({ type: 'fuzz cases', description: String(count) });
    });
  }
});
