import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { parse } from 'yaml';

/**
 * NENA's EIDO schema (fixtures/standards/eido/openapi.yaml, NENA-STA-021, copied unchanged) compiled with ajv, formats
 * checked (`date-time`, `uri`). The YAML is read as published with two corrections made in memory only:
 * - references to NIEM types in files NENA's repository keeps beside it (`NIEMComponents/nc.yaml#…`) and the material
 *   does not include read as "any value" (the project fills none of those fields);
 * - `minItems: 1,` (a string, a slip in `AgentType.agentRoleRegistryText`) reads as 1.
 * OpenAPI 3.0's own keywords (`example`) are not JSON Schema's, so ajv runs in non-strict mode.
 */

const DIR = resolve(import.meta.dirname, '../../fixtures/standards/eido');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type SchemaObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is SchemaObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The two in-memory corrections, applied everywhere in the tree. */
function corrected(node: Json): Json {
  if (Array.isArray(node)) return node.map(corrected);
  if (!isObject(node)) return node;
  const ref = node.$ref;
  // A `$ref` that is a string is a JSON reference; `properties.$ref` (an object) is the Reference type's own field.
  if (typeof ref === 'string' && !ref.startsWith('#/')) return {};
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === 'minItems' && typeof value === 'string' ? Number.parseInt(value, 10) : corrected(value);
  }
  return out;
}

const openapi = parse(readFileSync(resolve(DIR, 'openapi.yaml'), 'utf8')) as SchemaObject;
const components = openapi.components;
if (!isObject(components) || !isObject(components.schemas)) throw new Error('openapi.yaml has no components.schemas');
/** Every schema of NENA's `components.schemas`, corrected as above. */
export const EIDO_SCHEMAS = corrected(components.schemas) as Record<string, SchemaObject>;

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS whose module is the plugin itself; required as such, the ESM default interop aside.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;
addFormats(ajv);
ajv.addSchema({ components: { schemas: EIDO_SCHEMAS } }, 'eido-openapi.json');
const validateDocument = ajv.compile({ $ref: 'eido-openapi.json#/components/schemas/EmergencyIncidentDataObjectType' });

/** Why `document` is not a valid EIDO by NENA's schema (one line per problem), or an empty list. */
export function eidoSchemaErrors(document: unknown): string[] {
  if (validateDocument(document)) return [];
  return (validateDocument.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '(document)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** The sample EIDO NENA publishes (a call transfer). */
export function nenaSample(): SchemaObject {
  return JSON.parse(readFileSync(resolve(DIR, 'sample-call-transfer.json'), 'utf8')) as SchemaObject;
}

/** A schema with its `$ref` followed and its `allOf` parts merged: every property it names, and those it requires. */
function flattened(schema: SchemaObject): { properties: Record<string, SchemaObject>; items?: SchemaObject } {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = EIDO_SCHEMAS[ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`no schema ${ref}`);
    return flattened(target);
  }
  const properties: Record<string, SchemaObject> = {};
  const parts = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  for (const part of parts) Object.assign(properties, flattened(part).properties);
  if (isObject(schema.properties)) for (const [name, value] of Object.entries(schema.properties)) if (isObject(value)) properties[name] = value;
  return { properties, ...(isObject(schema.items) ? { items: schema.items } : {}) };
}

/**
 * Fields of `value` that NENA's schema does not name, by path. The schema never closes its objects
 * (`additionalProperties` is left open), so a misspelt field would validate; this finds it. Values of schemas the
 * material leaves open (NIEM types) are not looked into.
 */
export function fieldsOutsideSchema(value: unknown, schema: SchemaObject, path = ''): string[] {
  const { properties, items } = flattened(schema);
  if (Array.isArray(value)) return items ? value.flatMap((item, i) => fieldsOutsideSchema(item, items, `${path}[${i}]`)) : [];
  if (typeof value !== 'object' || value === null || Object.keys(properties).length === 0) return [];
  return Object.entries(value).flatMap(([key, field]) => {
    const fieldSchema = properties[key];
    if (!fieldSchema) return [`${path}/${key}`];
    return fieldsOutsideSchema(field, fieldSchema, `${path}/${key}`);
  });
}

/** The schema of the whole document. */
export const DOCUMENT_SCHEMA: SchemaObject = { $ref: '#/components/schemas/EmergencyIncidentDataObjectType' };
