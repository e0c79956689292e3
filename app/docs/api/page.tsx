import type { Metadata } from 'next';
import { operationAnchor, OperationCard } from '@/components/api-docs/operation-card';
import { schemaAnchor, SchemaView } from '@/components/api-docs/schema-view';
import { Container } from '@/components/ui/container';
import { openApiDocument } from '@/lib/openapi/document';

export const metadata: Metadata = {
  title: 'API reference',
  description: 'The JSON API of Northwind Supply, from its OpenAPI 3.1 document.',
};

// Rendered by the app from the same document as /api/openapi.json, at build time: no script, no CDN.
export default function ApiReferencePage() {
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const tags = document.tags.map(({ name }) => ({
    name,
    operations: operations.filter(({ operation }) => operation.tags.includes(name)),
  }));
  return (
    <Container className="py-10">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">API reference</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{document.info.description}</p>
      <p className="mt-3 text-sm text-slate-700">
        The machine-readable document:{' '}
        <a href="/api/openapi.json" className="text-brand-800 font-mono underline underline-offset-2">
          /api/openapi.json
        </a>{' '}
        (OpenAPI {document.openapi}, {operations.length} operations).
      </p>

      <div className="mt-8 grid gap-10 lg:grid-cols-[16rem_1fr]">
        <nav
          aria-label="Operations"
          className="lg:sticky lg:top-24 lg:max-h-[calc(100vh-7rem)] lg:self-start lg:overflow-y-auto"
        >
          <ul className="flex flex-col gap-4 text-sm">
            {tags.map((tag) => (
              <li key={tag.name}>
                <h2 className="font-semibold text-slate-900">{tag.name}</h2>
                <ul className="mt-1 flex flex-col gap-1">
                  {tag.operations.map(({ path, method, operation }) => (
                    <li key={`${method} ${path}`}>
                      <a
                        href={`#${operationAnchor(operation)}`}
                        className="hover:text-brand-800 text-slate-700"
                      >
                        <span className="font-mono text-xs uppercase">{method}</span> {path}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>

        <div className="flex min-w-0 flex-col gap-10">
          {tags.map((tag) => (
            <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="flex flex-col gap-4">
              <h2 id={`tag-${tag.name}`} className="text-xl font-semibold text-slate-900">
                {tag.name}
              </h2>
              {tag.operations.map(({ path, method, operation }) => (
                <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} />
              ))}
            </section>
          ))}

          <section aria-labelledby="schemas" className="flex flex-col gap-4">
            <h2 id="schemas" className="text-xl font-semibold text-slate-900">
              Schemas
            </h2>
            {Object.entries(document.components.schemas).map(([name, schema]) => (
              <article
                key={name}
                id={schemaAnchor(name)}
                className="scroll-mt-24 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
              >
                <h3 className="font-mono text-base font-semibold text-slate-900">{name}</h3>
                {typeof schema.description === 'string' && (
                  <p className="mt-1 text-sm text-slate-700">{schema.description}</p>
                )}
                <div className="mt-3">
                  <SchemaView schema={schema} />
                </div>
              </article>
            ))}
          </section>
        </div>
      </div>
    </Container>
  );
}
