// autocannon setupRequest (runs in its worker thread, so plain CommonJS): every request verifies a
// different pre-generated voucher code, signed as the channel app with a fresh nonce. Each loading
// of the module (the probe, the warm-up worker, the measured worker) takes its own segment of the
// codes, so none is verified twice.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon require()s this file: it must be CommonJS
const { createHash, createHmac, randomBytes } = require('node:crypto');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const { readFileSync, writeFileSync } = require('node:fs');

const file = process.env.VOUCHER_BENCH_FILE;
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
  if (next >= end) throw new Error('voucher bench: code pool exhausted; raise the segment size');
  const body = JSON.stringify({ code: pool.codes[next++] });
  const timestamp = String(Date.now());
  const nonce = randomBytes(16).toString('hex');
  const digest = createHash('sm3').update(body).digest('hex');
  const signature = createHmac('sm3', pool.secret).update(['POST', pool.path, timestamp, nonce, digest].join('\n'), 'utf8').digest('hex');
  return {
    ...request,
    method: 'POST',
    path: pool.path,
    body,
    headers: { ...request.headers, 'content-type': 'application/json', 'x-app-id': pool.appId, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature },
  };
};
