// autocannon setupRequest (runs in its worker thread, so plain CommonJS): every request confirms a
// different pre-created order as its payer, with its own Idempotency-Key. Each loading of the module
// (the probe, the warm-up worker, the measured worker) takes its own segment of the orders.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon require()s this file: it must be CommonJS
const { readFileSync, writeFileSync } = require('node:fs');

const file = process.env.PAYMENT_BENCH_FILE;
const pool = JSON.parse(readFileSync(file, 'utf8'));
const runsFile = `${file}.runs`;
let run = 0;
try {
  run = Number(readFileSync(runsFile, 'utf8')) || 0;
} catch {
  /* first run */
}
writeFileSync(runsFile, String(run + 1));
let next = run * pool.segment;
const end = next + pool.segment;

module.exports = function setupRequest(request) {
  if (next >= end) throw new Error('payment bench: order pool exhausted; raise the segment size');
  const order = pool.orders[next++];
  return {
    ...request,
    method: 'POST',
    path: `/api/v1/payment/orders/${order.id}/confirm`,
    body: JSON.stringify({ password: pool.password }),
    headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${order.token}`, 'idempotency-key': `bench-${order.id}` },
  };
};
