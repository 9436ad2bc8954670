import { z } from 'zod';
import { CommandErrorSchema } from '../../shared/errors/errorCodes.ts';
import { CityLayersSchema } from '../../shared/city/citySchema.ts';
import { COMMAND_NAMES, CONTRACT, type CommandName, type CommandSpec } from '../../shared/protocol/contract.ts';
import { SESSION_COOKIE } from '../auth/resolveSession.ts';

type JsonSchema = Record<string, unknown>;

/** `incident:link_caller` → `IncidentLinkCaller`, a component name. */
function componentName(name: CommandName): string {
  return name
    .split(/[:_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * [EI4] A field named like a keyword (an EIDO's `$id` and `$ref`) is written as a pattern property: OpenAPI tools
 * read a `$id` or `$ref` key anywhere in a schema as the keyword, even where it names a property. The same fields
 * are allowed and required; only how the schema spells them changes.
 */
function dollarFieldsAsPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dollarFieldsAsPatterns);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = dollarFieldsAsPatterns(value);
  const properties = out.properties;
  if (typeof properties !== 'object' || properties === null) return out;
  const dollars = Object.entries(properties).filter(([name]) => name.startsWith('$'));
  if (dollars.length === 0) return out;
  out.properties = Object.fromEntries(Object.entries(properties).filter(([name]) => !name.startsWith('$')));
  const patterns = typeof out.patternProperties === 'object' && out.patternProperties !== null ? out.patternProperties : {};
  out.patternProperties = { ...patterns, ...Object.fromEntries(dollars.map(([name, value]) => [`^\\${name}$`, value])) };
  return out;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // The document states its dialect once (OpenAPI 3.1 = JSON Schema 2020-12); each schema drops its own.
  const generated = dollarFieldsAsPatterns(z.toJSONSchema(schema, { io, unrepresentable: 'any' })) as JsonSchema;
  delete generated.$schema;
  return generated;
}

/** The input schema without the fields the path supplies. */
function bodySchema(schema: z.ZodType, pathFields: readonly string[]): JsonSchema {
  const body = jsonSchema(schema, 'input');
  const properties = body.properties;
  if (typeof properties === 'object' && properties !== null) {
    for (const field of pathFields) delete (properties as Record<string, unknown>)[field];
  }
  if (Array.isArray(body.required)) body.required = body.required.filter((field: unknown) => typeof field !== 'string' || !pathFields.includes(field));
  return body;
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const okEnvelope = (data: JsonSchema): JsonSchema => ({ type: 'object', required: ['ok', 'data'], properties: { ok: { const: true }, data }, additionalProperties: false });
const ERROR_RESPONSE = {
  description: 'refused: { ok: false, error: { code, message } }',
  content: { 'application/json': { schema: { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false }, error: ref('CommandError') } } } },
};

/**
 * [HT3] The OpenAPI 3.1 document of the HTTP API, generated from the command contract: every command's
 * route with its path and query parameters, request body and answer schemas, who may call it, and the
 * routes outside the contract (health, the city layers, this document).
 */
export function openApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = { CommandError: jsonSchema(CommandErrorSchema, 'output') };
  const add = (path: string, method: string, operation: Record<string, unknown>): void => {
    const openApiPath = path.replace(/:(\w+)/g, '{$1}');
    paths[openApiPath] = { ...paths[openApiPath], [method]: operation };
  };
  for (const name of COMMAND_NAMES) {
    const spec: CommandSpec<z.ZodType, z.ZodType> = CONTRACT[name];
    const base = componentName(name);
    const pathFields = [...spec.http.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
    schemas[`${base}Answer`] = jsonSchema(spec.answer, 'output');
    const parameters = [
      ...pathFields.map((field) => ({ name: field, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(spec.http.query ?? {}).map(([param, q]) => ({ name: param, in: 'query', required: false, description: q.description, schema: { type: q.type } })),
    ];
    const who = spec.isPublic ? 'anyone (no session)' : spec.roles.join(', ');
    const operation = (answer: unknown, csv: boolean): Record<string, unknown> => ({
      operationId: csv ? `${name}.csv` : name,
      summary: spec.summary,
      description: `Command \`${name}\`${spec.onSocket ? ' (also a Socket.IO event of the same name)' : ''}. Who may call it: ${who}.${spec.isJournaled ? ' Journaled: send a fresh `commandId`; a resend with the same id and payload gets the first answer.' : ''}`,
      tags: [name.split(':')[0] ?? name],
      ...(spec.isPublic ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.http.method === 'post' ? { requestBody: { required: true, content: { 'application/json': { schema: ref(`${base}Input`) } } } } : {}),
      responses: { '200': answer, default: ERROR_RESPONSE },
    });
    if (spec.http.method === 'post') schemas[`${base}Input`] = bodySchema(spec.input, pathFields);
    add(spec.http.path, spec.http.method, operation({ description: 'accepted: { ok: true, data }', content: { 'application/json': { schema: okEnvelope(ref(`${base}Answer`)) } } }, false));
    if (spec.http.csvPath) add(spec.http.csvPath, 'get', operation({ description: 'CSV (cells a spreadsheet would run as formulas are escaped)', content: { 'text/csv': { schema: { type: 'string' } } } }, true));
    // [EI4] The bare document: the answer schema itself, not wrapped in { ok, data }.
    if (spec.http.documentPath) {
      add(spec.http.documentPath, 'get', { ...operation({ description: 'the document itself, not wrapped in { ok, data } (a download)', content: { 'application/json': { schema: ref(`${base}Answer`) } } }, false), operationId: `${name}.document` });
    }
  }
  add('/api/health', 'get', {
    operationId: 'health',
    summary: 'Redis reachable, the server version and the city',
    security: [],
    responses: {
      '200': { description: 'healthy', content: { 'application/json': { schema: okEnvelope({ type: 'object', properties: { redis: { type: 'string' }, version: { type: 'string' }, city: { type: 'string' } } }) } } },
      '503': ERROR_RESPONSE,
    },
  });
  schemas.CityLayers = jsonSchema(CityLayersSchema, 'output');
  add('/api/city', 'get', {
    operationId: 'city',
    summary: 'The city map layers and gazetteer (public reference data)',
    security: [],
    responses: { '200': { description: 'the layers', content: { 'application/json': { schema: okEnvelope(ref('CityLayers')) } } } },
  });
  add('/api/openapi.json', 'get', {
    operationId: 'openapi',
    summary: 'This document',
    security: [],
    responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Emergency Connect CAD',
      version,
      description: `Every command answers { ok: true, data } or { ok: false, error: { code, message } }. Sign in with POST /api/session: the console gets an httpOnly cookie \`${SESSION_COOKIE}\`; other clients may send the same token as \`Authorization: Bearer\`.`,
    },
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
  };
}
