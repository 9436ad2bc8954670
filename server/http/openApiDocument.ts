import { z } from 'zod';
import { AssignInputSchema, RecommendationSchema } from '../../shared/dispatch/dispatchSchema.ts';
import { CommandErrorSchema } from '../../shared/errors/errorCodes.ts';
import { IncidentCloseInputSchema, IncidentCreateInputSchema, IncidentSchema } from '../../shared/incidents/incidentSchema.ts';
import { DeltaSchema, SnapshotSchema } from '../../shared/protocol/stateSchema.ts';
import { UnitPositionInputSchema, UnitStatusInputSchema } from '../../shared/units/unitCommands.ts';
import { UnitSchema } from '../../shared/units/unitSchema.ts';
import { COMMAND_POLICY } from '../../shared/protocol/commands.ts';
import { COMMAND_ROUTES } from './commandRoutes.ts';

const SCHEMAS = {
  IncidentCreateInput: IncidentCreateInputSchema,
  IncidentCloseInput: IncidentCloseInputSchema,
  AssignInput: AssignInputSchema,
  UnitStatusInput: UnitStatusInputSchema,
  UnitPositionInput: UnitPositionInputSchema,
  Incident: IncidentSchema,
  Unit: UnitSchema,
  Recommendation: RecommendationSchema,
  Snapshot: SnapshotSchema,
  Delta: DeltaSchema,
  CommandError: CommandErrorSchema,
} as const;

const REQUEST_BODY: Partial<Record<string, keyof typeof SCHEMAS>> = {
  'incident:create': 'IncidentCreateInput',
  'incident:close': 'IncidentCloseInput',
  'dispatch:assign': 'AssignInput',
  'unit:status': 'UnitStatusInput',
  'unit:position': 'UnitPositionInput',
};

const ref = (name: keyof typeof SCHEMAS): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

/** The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas the server parses with. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of COMMAND_ROUTES) {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const body = REQUEST_BODY[route.command];
    paths[openApiPath] = {
      ...paths[openApiPath],
      [route.method]: {
        summary: `${route.command} (roles: ${COMMAND_POLICY[route.command].join(', ')})`,
        parameters: [...openApiPath.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
        ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } } } : {}),
        responses: {
          '200': { description: '{ ok: true, data }' },
          default: { description: '{ ok: false, error }', content: { 'application/json': { schema: { type: 'object', properties: { ok: { const: false }, error: ref('CommandError') } } } } },
        },
      },
    };
  }
  paths['/api/health'] = { get: { summary: 'Redis reachable and the server version', responses: { '200': { description: 'healthy' }, '503': { description: 'Redis unreachable' } } } };
  paths['/api/state'] = { get: { summary: 'Snapshot of every unit and open incident with its version', responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('Snapshot') } } } } } };
  paths['/api/city'] = { get: { summary: 'The city map layers (boundary, wards, facilities)', responses: { '200': { description: 'ok' } } } };
  const schemas = Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })]));
  return {
    openapi: '3.1.0',
    info: { title: 'Emergency Connect CAD', version, description: 'Every command answers { ok: true, data } or { ok: false, error: { code, message } }. Send X-Cad-Role and X-Cad-Operator headers (X-Cad-Unit for a crew).' },
    paths,
    components: { schemas },
  };
}
