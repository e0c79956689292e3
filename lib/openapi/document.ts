import { z } from 'zod';
import { errorBodySchema } from '@/lib/http/errors';
import { MAX_JSON_BYTES } from '@/lib/http/limits';
import { OPERATIONS } from './operations';
import type { ErrorStatus, Operation } from './types';

// The OpenAPI 3.1 document of the JSON API, generated from the zod schemas the routes validate with and answer in
// (zod 4's own JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses as is). Schemas named with .meta({ id })
// become components; requests are described as they are sent (io: input), responses as they are answered.

type JsonSchema = Record<string, unknown>;

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
};

export type OpenApiParameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

type OpenApiMedia = { schema: JsonSchema };

type OpenApiResponse = { description: string; content?: Record<string, OpenApiMedia> };

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: OpenApiParameter[];
  requestBody?: { required: true; content: Record<string, OpenApiMedia> };
  responses: Record<string, OpenApiResponse>;
  'x-access': Operation['access'];
};

const COMPONENT_PREFIX = '#/components/schemas/';

/** Moves `$defs` (named schemas) into the components and points their references there. */
function toComponent(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>) {
  const generated = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
  const text = JSON.stringify(generated).replaceAll('"#/$defs/', `"${COMPONENT_PREFIX}`);
  const { $defs, ...root } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  delete root.$schema;
  for (const [name, definition] of Object.entries($defs ?? {})) {
    const known = components[name];
    if (known && JSON.stringify(known) !== JSON.stringify(definition)) {
      throw new Error(`Two different schemas are named ${name} in the API document.`);
    }
    components[name] = definition;
  }
  // A named schema at the top is kept whole in place and also listed, so a reader finds it under its name.
  const id = typeof root.id === 'string' ? root.id : undefined;
  if (id) {
    delete root.id;
    components[id] = root;
    return { $ref: `${COMPONENT_PREFIX}${id}` };
  }
  return root;
}

const DEFAULT_ERRORS = {
  input: 'The input is not valid: fields says which, and why.',
  body: `The body is not JSON, or larger than ${MAX_JSON_BYTES / 1024} KiB (413).`,
  tooLarge: `The body is larger than ${MAX_JSON_BYTES / 1024} KiB.`,
  signedOut: 'Not signed in, or the session was revoked or has expired.',
  banned: 'A session a ban ended (once, with the reason), or the request came from another site.',
  notAdmin: 'Not an admin, a session a ban ended, or the request came from another site.',
  crossSite: 'The request came from another site (Origin or Sec-Fetch-Site).',
  service: 'A valid service token is required.',
  sessions: 'Sessions are unavailable (Redis).',
} as const;

/** The error statuses an operation answers: those of its kind, then its own (which say more). */
function errorStatuses(operation: Operation): Partial<Record<ErrorStatus, string>> {
  const errors: Partial<Record<ErrorStatus, string>> = {};
  const takesInput = Boolean(operation.params || operation.query || operation.headers || operation.body);
  if (takesInput) errors[400] = DEFAULT_ERRORS.input;
  if (operation.body) errors[400] = `${DEFAULT_ERRORS.input} ${DEFAULT_ERRORS.body}`;
  if (operation.access === 'service') errors[401] = DEFAULT_ERRORS.service;
  if (operation.method !== 'get' && operation.access !== 'service') errors[403] = DEFAULT_ERRORS.crossSite;
  if (operation.access === 'user' || operation.access === 'admin') {
    errors[401] = DEFAULT_ERRORS.signedOut;
    errors[403] = operation.access === 'admin' ? DEFAULT_ERRORS.notAdmin : DEFAULT_ERRORS.banned;
    errors[503] = DEFAULT_ERRORS.sessions;
  }
  if (operation.body) errors[413] = DEFAULT_ERRORS.tooLarge;
  return { ...errors, ...operation.errors };
}

function parameters(
  schema: z.ZodObject | undefined,
  where: OpenApiParameter['in'],
  components: Record<string, JsonSchema>,
): OpenApiParameter[] {
  if (!schema) return [];
  const object = toComponent(schema, 'input', components) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function operationId(operation: Operation): string {
  const words = operation.path
    .replace(/^\/api\//, '')
    .split(/[/{}-]+/)
    .filter(Boolean);
  return [operation.method, ...words]
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
}

const SECURITY: Record<Operation['access'], Record<string, string[]>[]> = {
  // A session is optional on public routes: some answer differently with one (the cart, the session).
  public: [{}, { sessionCookie: [] }],
  user: [{ sessionCookie: [] }],
  admin: [{ sessionCookie: [] }],
  service: [{ serviceToken: [] }],
};

function describe(operation: Operation, components: Record<string, JsonSchema>): OpenApiOperation {
  const { success } = operation;
  const responses: Record<string, OpenApiResponse> = {};
  const content: Record<string, OpenApiMedia> = {};
  if (success.stream) content[success.stream] = { schema: { type: 'string' } };
  if (success.schema)
    content['application/json'] = { schema: toComponent(success.schema, 'output', components) };
  responses[success.status] = {
    description: success.description,
    ...(Object.keys(content).length ? { content } : {}),
  };
  for (const [status, description] of Object.entries(errorStatuses(operation))) {
    responses[status] = {
      description,
      content: { 'application/json': { schema: { $ref: `${COMPONENT_PREFIX}Error` } } },
    };
  }
  if (operation.alsoAnswers) {
    responses[operation.alsoAnswers.status] = {
      description: operation.alsoAnswers.description,
      content: {
        'application/json': { schema: toComponent(operation.alsoAnswers.schema, 'output', components) },
      },
    };
  }
  return {
    operationId: operationId(operation),
    summary: operation.summary,
    tags: [operation.tag],
    security: SECURITY[operation.access],
    parameters: [
      ...parameters(operation.params, 'path', components),
      ...parameters(operation.query, 'query', components),
      ...parameters(operation.headers, 'header', components),
    ],
    ...(operation.body
      ? {
          requestBody: {
            required: true as const,
            content: { 'application/json': { schema: toComponent(operation.body, 'input', components) } },
          },
        }
      : {}),
    responses,
    'x-access': operation.access,
  };
}

export function buildOpenApiDocument(operations: readonly Operation[] = OPERATIONS): OpenApiDocument {
  const components: Record<string, JsonSchema> = {};
  toComponent(errorBodySchema, 'output', components);
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of operations) {
    (paths[operation.path] ??= {})[operation.method] = describe(operation, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Northwind Supply JSON API',
      version: '1',
      description:
        'The storefront\'s JSON API. Errors share one shape, {"error":{"code","message","fields"?}}. ' +
        'Requests that change state must come from this site: a browser sends its Origin, which must be ours. ' +
        'The session is an opaque token in an HttpOnly cookie (sid, or __Host-sid over https), set by ' +
        'register and login.',
    },
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sid',
          description: 'The session cookie (__Host-sid when the site is https), set by register and login.',
        },
        serviceToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A service JWT for the payments service: HS256, audience payments, issuer storefront, at most 60 s.',
        },
      },
    },
  };
}

let built: OpenApiDocument | undefined;

/** The document is static: built once per process. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
