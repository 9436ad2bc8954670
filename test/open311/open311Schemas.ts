import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { createRequire } from 'node:module';

/**
 * The official Open311 GeoReport v2 JSON Schemas (fixtures/standards/open311-georeport-v2/, copied unchanged from
 * open311/schema-validation) compiled with ajv, formats checked (`date-time`, `uri`). They are draft-04-era schemas
 * without `$schema`; ajv reads them in non-strict mode as published, never edited.
 */

const DIR = resolve(import.meta.dirname, '../../fixtures/standards/open311-georeport-v2');
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(DIR, file), 'utf8')) as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS whose module is the plugin itself; required as such, the ESM default interop aside.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;
addFormats(ajv);
// Swagger 2.0's own format for identifiers: any string.
ajv.addFormat('uid', true);
for (const file of ['service.json', 'services.json', 'service-definition.json', 'request.json', 'requests.json']) ajv.addSchema(read(file), file);

/**
 * The POST answer has no JSON Schema file, only the Swagger definition `RequestResponse`. Swagger 2.0 cannot say
 * "or null", so an optional field is made nullable the way the repository's JSON Schema files write every optional
 * field (`anyOf: [{ type }, { type: 'null' }]`), and the answer is an array of it, as `POST requests` returns.
 */
function requestResponseSchema(): Record<string, unknown> {
  const swagger = read('swagger.json') as { definitions: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> };
  const definition = swagger.definitions.RequestResponse;
  if (!definition) throw new Error('swagger.json has no RequestResponse definition');
  const required = new Set(definition.required ?? []);
  const properties = Object.fromEntries(Object.entries(definition.properties).map(([name, schema]) => [name, required.has(name) ? schema : { anyOf: [schema, { type: 'null' }] }]));
  return { type: 'array', items: { ...definition, properties } };
}
ajv.addSchema(requestResponseSchema(), 'request-response.json');

/** Service Discovery has no published schema: its page's fields, all required (wiki.open311.org/Service_Discovery). */
ajv.addSchema(
  {
    type: 'object',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    properties: {
      changeset: { type: 'string' },
      contact: { type: 'string' },
      key_service: { type: 'string' },
      endpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: {
            specification: { type: 'string' },
            url: { type: 'string', format: 'uri' },
            changeset: { type: 'string' },
            type: { enum: ['production', 'test'] },
            formats: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
  'discovery.json',
);

/** The errors answer as the GeoReport v2 page describes it: a list of `{ code, description }`. */
ajv.addSchema(
  { type: 'array', minItems: 1, items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } } } },
  'errors.json',
);

export type Open311SchemaName = 'services.json' | 'service-definition.json' | 'requests.json' | 'request.json' | 'request-response.json' | 'discovery.json' | 'errors.json';

/** The problems of `value` against the named schema; empty when it is valid. */
export function schemaProblems(name: Open311SchemaName, value: unknown): string[] {
  const validate: ValidateFunction | undefined = ajv.getSchema(name);
  if (!validate) throw new Error(`no schema ${name}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
}
