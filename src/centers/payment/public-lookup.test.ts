import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { PrivateAddressError, publicOnlyLookup, resolvesPrivate } from './public-lookup.js';

/** A resolver with a fixed table, standing in for DNS. */
const ZONE: Record<string, LookupAddress[]> = {
  'his.hospital.example': [{ address: '203.0.113.10', family: 4 }],
  'rebound.example': [{ address: '203.0.113.11', family: 4 }, { address: '10.1.2.3', family: 4 }],
  'inward.example': [{ address: '::1', family: 6 }],
  'metadata.example': [{ address: '169.254.169.254', family: 4 }],
};
const resolve = (hostname: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
  const addresses = ZONE[hostname];
  if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  callback(null, addresses);
};

const lookup = (hostname: string, all: boolean) =>
  new Promise<{ error: Error | null; address: unknown }>((done) => publicOnlyLookup(resolve)(hostname, { all }, (error, address) => done({ error, address })));

describe('publicOnlyLookup: webhook names that resolve into the platform’s network', () => {
  it('passes a public address, in the single and the all form', async () => {
    expect(await lookup('his.hospital.example', false)).toEqual({ error: null, address: '203.0.113.10' });
    expect(await lookup('his.hospital.example', true)).toEqual({ error: null, address: ZONE['his.hospital.example'] });
  });

  it.each(['rebound.example', 'inward.example', 'metadata.example'])('refuses %s (one private address is enough)', async (host) => {
    const { error } = await lookup(host, false);
    expect(error).toBeInstanceOf(PrivateAddressError);
  });

  it('passes resolver failures through', async () => {
    expect((await lookup('nowhere.example', false)).error?.message).toContain('ENOTFOUND');
  });

  it('resolvesPrivate answers the registration check; an unresolvable name is not private (yet)', async () => {
    expect(await resolvesPrivate('rebound.example', resolve)).toBe(true);
    expect(await resolvesPrivate('his.hospital.example', resolve)).toBe(false);
    expect(await resolvesPrivate('nowhere.example', resolve)).toBe(false);
  });
});
