// autocannon setupRequest (runs in its worker thread, so plain CommonJS): every request sends the
// same notice under a fresh Idempotency-Key, so each creates a message instead of replaying the first.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon require()s this file: it must be CommonJS
const { randomBytes } = require('node:crypto');

// each loading of the module (the probe, the warm-up worker, the measured worker) has its own keys
const prefix = randomBytes(8).toString('hex');
let next = 0;

module.exports = function setupRequest(request) {
  return { ...request, headers: { ...request.headers, 'idempotency-key': `bench-${prefix}-${next++}` } };
};
