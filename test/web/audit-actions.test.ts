/** The audit page's dictionary of actions names every changing route of the API, in both languages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionName } from '../../web/src/pages/admin/auditActions.js';

const spec = JSON.parse(readFileSync(new URL('../../web/src/api/openapi.json', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
/** "POST /api/v1/registry/persons/:id/reveal", as the audit log records a request (Fastify's route) */
const audited = Object.entries(spec.paths).flatMap(([path, operations]) =>
  Object.keys(operations)
    .filter((method) => !['get', 'head', 'options'].includes(method))
    .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
);

describe('audit action names', () => {
  it('names every route the audit log records', () => {
    expect(audited.length).toBeGreaterThan(100);
    expect(audited.filter((action) => !AUDIT_ACTIONS[action])).toEqual([]);
  });

  it('has a Chinese and an English name for each, and names no route the API lacks', () => {
    for (const [action, [zh, en]] of Object.entries(AUDIT_ACTIONS)) {
      expect(zh, action).toMatch(/[\u4e00-\u9fff]/);
      expect(en, action).toMatch(/^[A-Z][^\u4e00-\u9fff]*$/);
      if (/^[A-Z]+ \//.test(action)) expect(audited, action).toContain(action);
    }
  });

  it('falls back to nothing for an action it does not know', () => {
    expect(auditActionName('POST /api/v1/registry/persons/:id/reveal', 'zh-CN')).toBe('显示自然人完整信息');
    expect(auditActionName('POST /api/v1/registry/persons/:id/reveal', 'en')).toBe('Reveal a person in full');
    expect(auditActionName('registry.person.revealed', 'en')).toBe('Reveal a person in full');
    expect(auditActionName('POST /api/v1/nowhere', 'zh-CN')).toBeNull();
  });
});
