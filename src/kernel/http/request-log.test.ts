import { describe, expect, it } from 'vitest';
import { redactUrl } from './request-log.js';

const CODE = 'YBV1.q3Xo2m5RZkq0cL1bR2d1Vg.Zm9vYmFyYmF6cXV4MTIzNA';

describe('redactUrl (the URL the request log writes)', () => {
  it('masks query parameters named like a credential, and keeps the others as sent', () => {
    expect(redactUrl('/api/v1/voucher/login-sessions/vls_1?pollToken=abc&page=2')).toBe('/api/v1/voucher/login-sessions/vls_1?pollToken=***&page=2');
    expect(redactUrl('/api/v1/bill/verify?billCode=41010125&billNumber=0000000001&checkCode=a1b2c3&issueDate=2026-01-05')).toBe(
      '/api/v1/bill/verify?billCode=41010125&billNumber=0000000001&checkCode=***&issueDate=2026-01-05',
    );
    expect(redactUrl('/oauth/done?code=x1&state=s&password=p&access_token=t&api_secret=z')).toBe('/oauth/done?code=***&state=s&password=***&access_token=***&api_secret=***');
    expect(redactUrl('/api/v1/registry/persons?regionCode=411302&creditCode=91410000MA0000000X')).toBe('/api/v1/registry/persons?regionCode=411302&creditCode=91410000MA0000000X');
  });

  it('masks path parameters the route names like a credential', () => {
    expect(redactUrl('/api/v1/auth/liveness/biz_9f8e7d/confirm', '/api/v1/auth/liveness/:bizToken/confirm')).toBe('/api/v1/auth/liveness/***/confirm');
    expect(redactUrl('/api/v1/policy/catalogs/drug/entries/XA01', '/api/v1/policy/catalogs/:kind/entries/:code')).toBe('/api/v1/policy/catalogs/drug/entries/XA01');
  });

  it('masks a voucher code wherever it stands, also with its dots percent-encoded', () => {
    expect(redactUrl(`/api/v1/voucher/codes/${CODE}/svg`)).toBe('/api/v1/voucher/codes/***/svg');
    expect(redactUrl(`/api/v1/voucher/codes/${CODE.replace(/\./g, '%2E')}/svg`)).toBe('/api/v1/voucher/codes/***/svg');
    expect(redactUrl(`/api/v1/anything?q=${CODE}`)).toBe('/api/v1/anything?q=***');
  });
});
