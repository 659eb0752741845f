// npm run audit:verify — walks the audit chain and reports the first tampered record.
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { verifyAuditChain } from './index.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pg'), poolSize: 1 });
try {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.ok) {
    console.log(`审计链完整 audit chain intact: ${verdict.checked} records checked, last id ${verdict.lastId ?? '-'}`);
  } else {
    console.error(`审计链被篡改 audit chain broken at record ${verdict.firstBadId} (${verdict.reason}) after ${verdict.checked - 1} good records`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
