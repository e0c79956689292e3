// A JSON Schema (as the API document holds it) shown as a readable list of fields, with named schemas linked.

export type JsonSchema = { [key: string]: unknown };

const COMPONENT_PREFIX = '#/components/schemas/';

export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

function asSchema(value: unknown): JsonSchema | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : null;
}

function refName(schema: JsonSchema): string | null {
  return typeof schema.$ref === 'string' ? schema.$ref.slice(COMPONENT_PREFIX.length) : null;
}

function TypeLabel({ schema }: { schema: JsonSchema }) {
  const name = refName(schema);
  if (name) {
    return (
      <a href={`#${schemaAnchor(name)}`} className="text-brand-800 font-mono underline underline-offset-2">
        {name}
      </a>
    );
  }
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants)) {
    return (
      <>
        {variants.map((variant, i) => (
          <span key={i}>
            {i > 0 && <span className="text-slate-500"> or </span>}
            <TypeLabel schema={asSchema(variant) ?? {}} />
          </span>
        ))}
      </>
    );
  }
  if (Array.isArray(schema.enum)) {
    return <span className="font-mono">{schema.enum.map((value) => JSON.stringify(value)).join(' | ')}</span>;
  }
  if ('const' in schema) return <span className="font-mono">{JSON.stringify(schema.const)}</span>;
  if (schema.type === 'array') {
    return (
      <>
        <span className="font-mono">array</span> of <TypeLabel schema={asSchema(schema.items) ?? {}} />
      </>
    );
  }
  return <span className="font-mono">{typeof schema.type === 'string' ? schema.type : 'any'}</span>;
}

const CONSTRAINTS: [string, string][] = [
  ['format', 'format'],
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minimum', 'min'],
  ['maximum', 'max'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
  ['pattern', 'pattern'],
  ['default', 'default'],
  ['examples', 'examples'],
];

function Constraints({ schema }: { schema: JsonSchema }) {
  const shown = CONSTRAINTS.filter(
    ([key]) =>
      key in schema &&
      !(key === 'maximum' && schema.maximum === Number.MAX_SAFE_INTEGER) &&
      key !== 'pattern',
  );
  // Generated date-time patterns are long and say no more than the format.
  const pattern = typeof schema.pattern === 'string' && !schema.format ? schema.pattern : null;
  if (!shown.length && !pattern) return null;
  return (
    <span className="text-xs text-slate-600">
      {shown.map(([key, label]) => (
        <span key={key} className="ml-2">
          {label} <code className="rounded bg-slate-100 px-1">{JSON.stringify(schema[key])}</code>
        </span>
      ))}
      {pattern && (
        <span className="ml-2">
          pattern <code className="rounded bg-slate-100 px-1 break-all">{pattern}</code>
        </span>
      )}
    </span>
  );
}

/** The fields of an object schema (nested objects indented), or the one type of any other schema. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const properties = asSchema(schema.properties);
  if (schema.type !== 'object' || !properties) {
    return (
      <p className="text-sm">
        <TypeLabel schema={schema} />
        <Constraints schema={schema} />
      </p>
    );
  }
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return (
    <ul className="flex flex-col gap-1.5 border-l-2 border-slate-200 pl-3 text-sm">
      {Object.entries(properties).map(([name, value]) => {
        const property = asSchema(value) ?? {};
        const nested = property.type === 'object' && asSchema(property.properties);
        return (
          <li key={name}>
            <code className="font-semibold text-slate-900">{name}</code>
            {required.has(name) ? (
              <span className="ml-1 text-xs text-rose-700">required</span>
            ) : (
              <span className="ml-1 text-xs text-slate-500">optional</span>
            )}
            {!nested && (
              <span className="ml-2">
                <TypeLabel schema={property} />
              </span>
            )}
            <Constraints schema={property} />
            {typeof property.description === 'string' && (
              <span className="block text-xs text-slate-600">{property.description}</span>
            )}
            {nested && (
              <div className="mt-1">
                <SchemaView schema={property} />
              </div>
            )}
          </li>
        );
      })}
      {schema.additionalProperties === false && <li className="text-xs text-slate-500">No other fields.</li>}
    </ul>
  );
}
