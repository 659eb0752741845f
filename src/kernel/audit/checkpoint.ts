/**
 * 审计链锚点 signed checkpoints of the audit chain, kept outside the database. The chain's hashes show
 * an edited or deleted record by the break it leaves in the next one, but the newest records have no
 * next one, and whoever can write the table can also recompute every hash after an edit. So the
 * chain's head (last id and hash) is SM2-signed, periodically and at shutdown, into an append-only
 * file under DATA_DIR, one JSON line per checkpoint; the verifier holds the table against it.
 *
 * A checkpoint names its chain by the database it lives in (cluster system identifier and database
 * name): a replica or a restored backup of the cluster is the same chain, another database is not,
 * so test databases or a fresh one can share a data directory without confusing the verifier.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { sm2Sign, sm2Verify, type PreparedSm2PublicKey } from '../crypto/index.js';

export interface Checkpoint {
  /** the database the chain lives in (see chainIdentity) */
  chain: string;
  /** the last record of the chain at `at`, and its hash */
  id: number;
  hash: string;
  at: string;
  /** SM2 (DER hex) over the fields above, by `keys.auditSigning` */
  signature: string;
}

/** One line of the checkpoint file, numbered from 1: a checkpoint, or null when it does not read as one. */
export interface CheckpointLine {
  line: number;
  checkpoint: Checkpoint | null;
}

export const checkpointFile = (dataDir: string) => path.join(dataDir, 'audit', 'checkpoints.log');

const signedText = (c: Omit<Checkpoint, 'signature'>) => ['yibao-audit-checkpoint-v1', c.chain, c.id, c.hash, c.at].join('|');

export function signCheckpoint(fields: Omit<Checkpoint, 'signature'>, privateKey: string, publicKey: string): Checkpoint {
  return { ...fields, signature: sm2Sign(signedText(fields), privateKey, { publicKey }) };
}

export const isSignedCheckpoint = (checkpoint: Checkpoint, publicKey: PreparedSm2PublicKey) => sm2Verify(signedText(checkpoint), checkpoint.signature, publicKey);

/** The database the chain lives in: `<cluster system identifier>/<database name>`. */
export async function chainIdentity(db: Db): Promise<string> {
  const result = (await db.execute(sql`select system_identifier::text as system, current_database() as name from pg_control_system()`)) as unknown as {
    rows: Array<{ system: string; name: string }>;
  };
  const [{ system, name }] = result.rows;
  return `${system}/${name}`;
}

export function parseCheckpoint(text: string): Checkpoint | null {
  let value: Partial<Record<keyof Checkpoint, unknown>>;
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return null;
  }
  const { chain, id, hash, at, signature } = value ?? {};
  if (typeof chain !== 'string' || !Number.isSafeInteger(id) || (id as number) < 1 || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
  if (typeof at !== 'string' || typeof signature !== 'string') return null;
  return { chain, id: id as number, hash, at, signature };
}

/** Every non-empty line of the file in order (none when there is no file yet). */
export async function* checkpointLines(file: string): AsyncGenerator<CheckpointLine> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = await new Promise<boolean>((resolve, reject) => {
    stream.once('open', () => resolve(true));
    stream.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(false) : reject(error)));
  });
  if (!opened) return;
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (text.trim()) yield { line, checkpoint: parseCheckpoint(text) };
  }
}

/**
 * The latest checkpoint of `chain` that its key signed, reading the file from its end (it grows by a
 * line a minute; the writer needs only its last word). Forged lines are passed over.
 */
export async function latestCheckpoint(file: string, chain: string, publicKey: PreparedSm2PublicKey): Promise<Checkpoint | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const chunk = 64 * 1024;
    let end = (await handle.stat()).size;
    let carry = '';
    while (end > 0) {
      const start = Math.max(0, end - chunk);
      const buffer = Buffer.alloc(end - start);
      await handle.read(buffer, 0, buffer.length, start);
      // A chunk may begin inside a UTF-8 sequence or a line: the first piece waits for the next chunk.
      const lines = (buffer.toString('latin1') + carry).split('\n');
      carry = start > 0 ? lines.shift()! : '';
      for (let i = lines.length - 1; i >= 0; i--) {
        const checkpoint = parseCheckpoint(Buffer.from(lines[i], 'latin1').toString('utf8'));
        if (checkpoint?.chain === chain && isSignedCheckpoint(checkpoint, publicKey)) return checkpoint;
      }
      end = start;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** Appends one line and syncs it to disk; a torn last line (a crash mid-write) is ended first, not continued. */
export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a+', 0o600);
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.write(`${prefix}${JSON.stringify(checkpoint)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
