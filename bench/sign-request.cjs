// autocannon `setupRequest` (loaded with require() in its worker thread, hence CommonJS): signs each
// request as a channel app does (see src/adapters/signing.ts), with a fresh nonce, so the platform
// accepts every one. The app id and secret come from BENCH_CHANNEL_APP_ID / BENCH_CHANNEL_SECRET,
// set by the scenario's setup before the load starts (workers inherit the environment).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon require()s this file: it must be CommonJS
const { createHash, createHmac, randomBytes } = require('node:crypto');

module.exports = function signRequest(request) {
  const appId = process.env.BENCH_CHANNEL_APP_ID;
  const secret = process.env.BENCH_CHANNEL_SECRET;
  const body = request.body === undefined ? '' : String(request.body);
  const timestamp = String(Date.now());
  const nonce = randomBytes(16).toString('hex');
  const canonical = [String(request.method).toUpperCase(), request.path, timestamp, nonce, createHash('sm3').update(body).digest('hex')].join('\n');
  const signature = createHmac('sm3', secret).update(canonical, 'utf8').digest('hex');
  return { ...request, headers: { ...request.headers, 'X-App-Id': appId, 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature } };
};
