import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';

/**
 * Malformed requests to every operation of the OpenAPI document, as the national administrator
 * (who may call everything): each must get a 4xx problem+json, and none may write anything.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t.close());

function wrongValue(schema: JsonSchema): unknown[] {
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return [12345, true, {}, 'x'.repeat(300_000), 'a\u0000b', '\ud800'];
    case 'integer':
    case 'number':
      return ['12', 'abc', {}];
    case 'boolean':
      return ['true', 0];
    case 'array':
      return ['x', { a: 1 }];
    default:
      return [[]];
  }
}

const ID = '01890000-0000-7000-8000-000000000000';

describe('bad input', () => {
  it('every operation answers malformed requests with a 4xx problem and writes nothing', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const before = await databaseFingerprint(t.database.db);
    const failures: string[] = [];
    let sent = 0;
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!['post', 'patch', 'put', 'delete', 'get'].includes(method) || template.endsWith('/logout')) continue;
        const path = template.replace(/\{[^}]+\}/g, ID);
        const cases: { what: string; payload?: string | Buffer; url?: string; contentType?: string }[] = [];
        if (template.includes('{')) {
          for (const hostile of ['not-a-uuid', '..%2F..%2Fetc', '%00', 'x'.repeat(3000)])
            cases.push({ what: `path ${hostile.slice(0, 12)}`, url: template.replace(/\{[^}]+\}/g, hostile) });
        }
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (schema && method !== 'get') {
          cases.push({ what: 'malformed JSON', payload: '{"a":' });
          cases.push({ what: 'invalid UTF-8', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
          cases.push({ what: 'array body', payload: '[1]' });
          cases.push({ what: 'form body', payload: 'a=1', contentType: 'application/x-www-form-urlencoded' });
          cases.push({ what: 'unknown field', payload: JSON.stringify({ __unknown: 1 }) });
          for (const [key, property] of Object.entries(schema.properties ?? {})) {
            for (const value of wrongValue(property))
              cases.push({ what: `${key}=${JSON.stringify(value).slice(0, 20)}`, payload: JSON.stringify({ [key]: value }) });
          }
        }
        if (method === 'get')
          cases.push(
            { what: 'query NUL', url: `${path}?q=%00&cursor=%00` },
            { what: 'bad cursor', url: `${path}?cursor=bm90LWpzb24` },
            { what: 'bad limit', url: `${path}?limit=-5` },
          );
        for (const c of cases) {
          const response = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: c.url ?? path,
            headers: {
              ...admin.authHeaders(),
              ...(c.payload !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
            },
            ...(c.payload !== undefined ? { payload: c.payload } : {}),
          });
          sent++;
          const isOk =
            response.statusCode >= 400 &&
            response.statusCode < 500 &&
            String(response.headers['content-type']).includes('application/problem+json');
          // A GET with harmless junk in the query may legitimately succeed; it must still not fail.
          const isHarmlessGet = method === 'get' && response.statusCode === 200 && !c.what.startsWith('path');
          if (!isOk && !isHarmlessGet)
            failures.push(`${method.toUpperCase()} ${template} [${c.what}] → ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(200);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});
