import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('TRUSTED_PROXIES', () => {
  it('is empty by default: no forwarded header is believed', () => {
    expect(loadConfig({}).http.trustedProxies).toEqual([]);
  });

  it('takes addresses, CIDRs and proxy-addr presets, comma-separated', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16,::1,fd00::/8,loopback' }).http.trustedProxies).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });

  it.each(['10.0.0', 'proxy.local', '10.0.0.0/33', '::1/129', '10.0.0.0/8/1', '*'])('refuses %s at start, naming it', (entry) => {
    expect(() => loadConfig({ TRUSTED_PROXIES: entry })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUSTED_PROXIES: entry })).toThrow(entry);
  });
});
