import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from '../config/index.js';

/**
 * The platform's public base URL for the callbacks parties make to it (payment notices, delivery
 * receipts): the configured one, or (development, tests) the address this process listens on.
 */
export function callbackBaseUrl(config: Pick<Config, 'payment' | 'port'>, server: Server | undefined): string {
  if (config.payment.notifyBaseUrl) return config.payment.notifyBaseUrl.replace(/\/+$/, '');
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address) return `http://127.0.0.1:${config.port}`;
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
