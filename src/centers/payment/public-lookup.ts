/**
 * 回调地址解析 name resolution for the calls the platform makes on an institution's say-so
 * (webhooks): a name that resolves to this machine or a private network is refused. The check runs
 * in the connection's own lookup, on the very addresses it connects to, so a name re-pointed after
 * it was registered (DNS rebinding) is refused at send time too.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isPrivateHost } from './reconciliation-rules.js';

type Resolve = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;
type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to the private address ${address}`);
  }
}

/** A `lookup` for node:http(s) / net that fails on any private address among the name's addresses. */
export function publicOnlyLookup(resolve: Resolve = dnsLookup as unknown as Resolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = addresses.find((a) => isPrivateHost(a.address));
      if (blocked) return callback(new PrivateAddressError(hostname, blocked.address), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Whether the name resolves to a private address now; a name that does not resolve (yet) is not. */
export function resolvesPrivate(hostname: string, resolve: Resolve = dnsLookup as unknown as Resolve): Promise<boolean> {
  return new Promise((done) => {
    publicOnlyLookup(resolve)(hostname, {}, (error) => done(error instanceof PrivateAddressError));
  });
}
