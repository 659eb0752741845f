// autocannon setupRequest (runs in its worker thread, so plain CommonJS): the accounts in turn across
// all connections, not per connection, so that no two logins of one account overlap (overlapping
// attempts would keep the account's lockout counter from clearing, as they would for a person).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon require()s this file: it must be CommonJS
const { readFileSync } = require('node:fs');

const accounts = JSON.parse(readFileSync(process.env.LOGIN_BENCH_FILE, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  const account = accounts[next++ % accounts.length];
  return { ...request, body: JSON.stringify({ identifier: account.identifier, password: account.password }) };
};
