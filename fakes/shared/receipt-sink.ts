/**
 * A bare HTTP endpoint on loopback that records what is POSTed to it, byte for byte: stands in for
 * the platform's receipt route in the providers' adapter tests, so a receipt travels over real HTTP
 * and is checked with the platform's own code (parseSignedReceipt).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SunkRequest {
  method: string;
  /** path with query, as received */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface ReceiptSink {
  url: string;
  readonly requests: readonly SunkRequest[];
  /** The status the next answers have (default 204); e.g. 500 to make the provider retry. */
  answerWith(status: number): void;
  /** The first request (recorded or arriving later) that matches; rejects after timeoutMs. */
  waitFor(predicate: (r: SunkRequest) => boolean, timeoutMs?: number): Promise<SunkRequest>;
  close(): Promise<void>;
}

export async function startReceiptSink(): Promise<ReceiptSink> {
  const requests: SunkRequest[] = [];
  const waiters = new Set<{ predicate: (r: SunkRequest) => boolean; resolve: (r: SunkRequest) => void }>();
  let status = 204;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SunkRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      res.statusCode = status;
      res.end();
      for (const waiter of [...waiters]) {
        if (waiter.predicate(request)) {
          waiters.delete(waiter);
          waiter.resolve(request);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith: (s) => {
      status = s;
    },
    waitFor: (predicate, timeoutMs = 5_000) => {
      const seen = requests.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (r: SunkRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
