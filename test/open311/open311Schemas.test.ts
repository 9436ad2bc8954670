import { describe, expect, it } from 'vitest';
import { schemaProblems } from './open311Schemas.ts';

describe('[CC8] the official schemas the endpoint is checked against', () => {
  it('[CC8] catch what the standard forbids, so a passing answer means something', () => {
    const request = { service_request_id: 'CC-261128-0001-4', status: 'open', service_code: 'WATER-BURST', requested_datetime: '2026-11-28T07:00:00Z' };
    expect(schemaProblems('requests.json', [request])).toEqual([]);
    expect(schemaProblems('requests.json', [{ ...request, status: 'in_progress' }])).not.toEqual([]);
    expect(schemaProblems('requests.json', [{ ...request, requested_datetime: '28/11/2026' }])).not.toEqual([]);
    expect(schemaProblems('requests.json', [{ ...request, lat: '-26.2' }])).not.toEqual([]);
    expect(schemaProblems('requests.json', [{ service_request_id: 'CC-1', status: 'open', requested_datetime: '2026-11-28T07:00:00Z' }])).not.toEqual([]);
    expect(schemaProblems('services.json', [{ service_code: 'X', service_name: 'X', metadata: false, type: 'sometimes' }])).not.toEqual([]);
    expect(schemaProblems('service-definition.json', { service_code: 'X', attributes: [{ variable: true, code: 'a', datatype: 'colour', required: false }] })).not.toEqual([]);
    expect(schemaProblems('request-response.json', [{ service_request_id: 'CC-1', service_notice: 'ok', account_id: null }])).toEqual([]);
    expect(schemaProblems('request-response.json', [{ service_request_id: 7 }])).not.toEqual([]);
    expect(schemaProblems('errors.json', [{ code: '400', description: 'x' }])).not.toEqual([]);
  });
});
