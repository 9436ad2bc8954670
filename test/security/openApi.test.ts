import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COMMAND_NAMES, CONTRACT, type CommandSpec } from '../../shared/protocol/contract.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { outcomeOf, sendRaw } from './contractRequest.ts';

type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: { name: string; in: string }[];
};
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** The routes outside the contract that `mountHttpApp` mounts. */
const FIXED_ROUTES: readonly { method: 'get' | 'post'; path: string }[] = [
  { method: 'get', path: '/api/health' },
  { method: 'get', path: '/api/city' },
  { method: 'get', path: '/api/openapi.json' },
];

/** Every route the server mounts, read from the contract (each entry's route, its CSV form and its bare document) and the fixed routes. */
function mountedRoutes(): { method: 'get' | 'post'; path: string }[] {
  const routes = [...FIXED_ROUTES];
  for (const name of COMMAND_NAMES) {
    const spec: CommandSpec<z.ZodType, z.ZodType> = CONTRACT[name];
    routes.push({ method: spec.http.method, path: spec.http.path });
    if (spec.http.csvPath) routes.push({ method: 'get', path: spec.http.csvPath });
    if (spec.http.documentPath) routes.push({ method: 'get', path: spec.http.documentPath });
  }
  return routes;
}

/** `/api/units/:unitId/status` → `/api/units/{unitId}/status`. */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
/** A concrete URL for a documented path, each parameter filled with a made-up value. */
const concrete = (template: string): string => template.replace(/\{\w+\}/g, 'x1');
/** Whether a concrete path is matched by a documented template. */
const matchesTemplate = (path: string, template: string): boolean => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(path);

describe('[HT3] the OpenAPI document describes exactly the HTTP API the server mounts', () => {
  let app: TestServer;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    app = await startTestServer();
    const answer = await sendRaw(app.url, '/api/openapi.json');
    expect(answer.status).toBe(200);
    doc = answer.body as OpenApiDocument;
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const operations = (): { path: string; method: string; operation: Operation }[] =>
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  /** The schema a `$ref` points at, or the schema itself. */
  const resolved = (schema: unknown): unknown => {
    if (typeof schema === 'object' && schema !== null && '$ref' in schema && typeof schema.$ref === 'string') {
      return doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    }
    return schema;
  };

  it('[HT3] validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    if (!result.valid) console.log('OpenAPI errors:', JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('[HT3] every POST has a JSON request body schema, and every operation a 200 response with a content schema', () => {
    const problems: string[] = [];
    for (const { path, method, operation } of operations()) {
      if (method === 'post') {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (schema === undefined || resolved(schema) === undefined) problems.push(`${method} ${path}: no request body schema`);
      }
      const ok = operation.responses?.['200']?.content ?? {};
      const schemas = Object.values(ok).map((media) => media.schema);
      if (schemas.length === 0 || schemas.some((schema) => schema === undefined || resolved(schema) === undefined)) problems.push(`${method} ${path}: no 200 response content schema`);
    }
    expect(problems).toEqual([]);
  });

  it('[HT3] every contract route, CSV path, document path and fixed route is documented with its method, path parameters and query parameters', () => {
    const missing: string[] = [];
    for (const route of mountedRoutes()) {
      const operation = doc.paths[openApiPath(route.path)]?.[route.method];
      if (!operation) {
        missing.push(`${route.method} ${route.path}`);
        continue;
      }
      const documented = new Set((operation.parameters ?? []).map((p) => `${p.in}:${p.name}`));
      for (const [, field] of route.path.matchAll(/:(\w+)/g)) if (!documented.has(`path:${field ?? ''}`)) missing.push(`${route.method} ${route.path}: path parameter ${field ?? ''}`);
    }
    for (const name of COMMAND_NAMES) {
      const spec: CommandSpec<z.ZodType, z.ZodType> = CONTRACT[name];
      const operation = doc.paths[openApiPath(spec.http.path)]?.[spec.http.method];
      const documented = new Set((operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
      for (const param of Object.keys(spec.http.query ?? {})) if (!documented.has(param)) missing.push(`${name}: query parameter ${param}`);
      if (operation?.operationId !== name) missing.push(`${name}: operationId ${String(operation?.operationId)}`);
    }
    expect(missing).toEqual([]);
  });

  it('[HT3] the document has no operation the server does not mount', () => {
    const mounted = new Set(mountedRoutes().map((route) => `${route.method} ${openApiPath(route.path)}`));
    expect(operations().map(({ path, method }) => `${method} ${path}`).filter((operation) => !mounted.has(operation))).toEqual([]);
  });

  it('[HT3] every documented operation is mounted: none answers 404 unknown_command', async () => {
    const unmounted: string[] = [];
    for (const { path, method } of operations()) {
      const init: RequestInit = method === 'post' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : { method: method.toUpperCase() };
      const answer = await sendRaw(app.url, concrete(path), init);
      if (answer.status === 404 && outcomeOf(answer.body) === 'unknown_command') unmounted.push(`${method} ${path}`);
    }
    expect(unmounted).toEqual([]);
  });

  it('[HT3] nothing undocumented answers: other methods on documented paths and made-up paths get 404 unknown_command', async () => {
    const documented = operations();
    const isDocumented = (method: string, path: string): boolean => documented.some((op) => op.method === method && matchesTemplate(path, op.path));
    const probes: { method: string; path: string }[] = [];
    for (const path of Object.keys(doc.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (!isDocumented(method, concrete(path))) probes.push({ method, path: concrete(path) });
    }
    for (const path of ['/api', '/api/', '/api/admin', '/api/debug', '/api/env', '/api/users/u1234', '/api/incidents/x1/y1', '/api/state.csv', '/api/journal.csv', '/api/users.csv', '/api/openapi.yaml', '/api/session/renew', '/api/units']) {
      for (const method of ['get', 'post']) if (!isDocumented(method, path)) probes.push({ method, path });
    }
    const answering: string[] = [];
    for (const probe of probes) {
      const init: RequestInit = { method: probe.method.toUpperCase(), ...(probe.method === 'get' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }) };
      const answer = await sendRaw(app.url, probe.path, init);
      if (answer.status !== 404 || outcomeOf(answer.body) !== 'unknown_command') answering.push(`${probe.method} ${probe.path} → ${answer.status} ${answer.text.slice(0, 80)}`);
    }
    expect(probes.length).toBeGreaterThan(50);
    expect(answering).toEqual([]);
  });
});
