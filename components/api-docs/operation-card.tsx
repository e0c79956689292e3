import type { OpenApiOperation } from '@/lib/openapi/document';
import { SchemaView } from './schema-view';

// One operation of the API reference: method and path, who may call it, parameters, body and every answer.

const METHOD_STYLE: Record<string, string> = {
  get: 'bg-sky-100 text-sky-900',
  post: 'bg-emerald-100 text-emerald-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-rose-100 text-rose-900',
};

const ACCESS: Record<OpenApiOperation['x-access'], string> = {
  public: 'Anyone (a session, if any, is read)',
  user: 'Signed in',
  admin: 'Admins',
  service: 'Services, with a bearer service token',
};

export function operationAnchor(operation: OpenApiOperation): string {
  return `op-${operation.operationId}`;
}

export function OperationCard({
  method,
  path,
  operation,
}: {
  method: string;
  path: string;
  operation: OpenApiOperation;
}) {
  const body = operation.requestBody?.content['application/json'];
  return (
    <article
      id={operationAnchor(operation)}
      className="scroll-mt-24 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h3 className="flex flex-wrap items-center gap-3">
        <span
          className={`rounded-md px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[method] ?? ''}`}
        >
          {method}
        </span>
        <code className="text-base font-semibold break-all text-slate-900">{path}</code>
      </h3>
      <p className="mt-2 text-slate-700">{operation.summary}</p>
      <p className="mt-1 text-xs text-slate-600">Who: {ACCESS[operation['x-access']]}</p>

      {operation.parameters.length > 0 && (
        <section className="mt-4">
          <h4 className="text-sm font-semibold text-slate-900">Parameters</h4>
          <ul className="mt-2 flex flex-col gap-1.5 text-sm">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`} className="flex flex-wrap items-baseline gap-2">
                <code className="font-semibold text-slate-900">{parameter.name}</code>
                <span className="text-xs text-slate-500">
                  {parameter.in}
                  {parameter.required ? ', required' : ''}
                </span>
                <SchemaView schema={parameter.schema} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {body && (
        <section className="mt-4">
          <h4 className="text-sm font-semibold text-slate-900">
            Body <span className="font-normal text-slate-500">application/json</span>
          </h4>
          <div className="mt-2">
            <SchemaView schema={body.schema} />
          </div>
        </section>
      )}

      <section className="mt-4">
        <h4 className="text-sm font-semibold text-slate-900">Responses</h4>
        <dl className="mt-2 flex flex-col gap-3 text-sm">
          {Object.entries(operation.responses).map(([status, response]) => (
            <div key={status} className="grid gap-1 sm:grid-cols-[4rem_1fr]">
              <dt>
                <code
                  className={`rounded px-1.5 py-0.5 font-semibold ${Number(status) < 300 ? 'bg-emerald-50 text-emerald-800' : 'bg-slate-100 text-slate-800'}`}
                >
                  {status}
                </code>
              </dt>
              <dd className="flex flex-col gap-1.5">
                <span className="text-slate-700">{response.description}</span>
                {Object.entries(response.content ?? {}).map(([type, media]) => (
                  <div key={type}>
                    <span className="text-xs text-slate-500">{type}</span>
                    <SchemaView schema={media.schema} />
                  </div>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
