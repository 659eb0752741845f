// npm run audit:verify — walks the audit chain, holds it against the signed checkpoints under
// DATA_DIR/audit/checkpoints.log, and reports the first tampered record or checkpoint.
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { prepareSm2PublicKey, sm2PublicKeyFromPrivateKey } from '../crypto/index.js';
import { checkpointFile, verifyAuditChain, type ChainVerdict } from './index.js';

const config = loadConfig();
const file = checkpointFile(config.dataDir);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pg'), poolSize: 1 });

function failure(verdict: Extract<ChainVerdict, { ok: false }>): string {
  const line = verdict.checkpoint ? `${file} line ${verdict.checkpoint.line}` : file;
  switch (verdict.reason) {
    case 'truncated':
      return `审计链被截断 audit chain truncated: the last checkpoint (${line}, ${verdict.checkpoint?.at}) names record ${verdict.firstBadId}, the table ends at ${verdict.lastId ?? 'no record'}`;
    case 'checkpoint_mismatch':
      return `审计链被改写 audit chain rewritten: record ${verdict.firstBadId} differs from its signed checkpoint (${line})`;
    case 'checkpoint_forged':
      return `审计链锚点被伪造 audit checkpoint forged: ${line} is not signed by the audit key (it names record ${verdict.firstBadId || '-'})`;
    default:
      return `审计链被篡改 audit chain broken at record ${verdict.firstBadId} (${verdict.reason}) after ${verdict.checked - 1} good records`;
  }
}

try {
  const publicKey = prepareSm2PublicKey(sm2PublicKeyFromPrivateKey(config.keys.auditSigning));
  const verdict = await verifyAuditChain(database.db, { checkpoints: { file, publicKey } });
  if (verdict.ok) {
    const anchor = verdict.checkpoint ? `, checkpoint of record ${verdict.checkpoint.id} at ${verdict.checkpoint.at} holds` : ', no checkpoint yet';
    console.log(`审计链完整 audit chain intact: ${verdict.checked} records checked, last id ${verdict.lastId ?? '-'}${anchor}`);
  } else {
    console.error(failure(verdict));
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
