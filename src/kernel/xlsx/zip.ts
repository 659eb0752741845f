/**
 * Reading an uploaded zip archive (压缩包: an .xlsx is one) without trusting it. A few hundred KB can
 * inflate to gigabytes (a zip bomb), so every archive is held to two limits (config `uploads`):
 *
 * - at most `xlsxMaxEntries` entries, counted from the central directory before anything is inflated;
 * - at most `xlsxMaxInflatedBytes` inflated bytes: the sizes the entries declare must add up to no
 *   more (checked before anything is inflated), an entry may inflate to no more than it declares, and
 *   the bytes actually inflated are counted as they stream out, over every entry read.
 *
 * Beyond either limit is a 413 `request.archive_too_large` on the body. The upload is first written to
 * a private temporary file (the central directory, the archive's true table of contents, sits at its
 * end, and an .xlsx may store a worksheet before the shared strings it needs), refused once it passes
 * the inflated limit plus room for headers; entries are then inflated one at a time as streams of
 * small chunks. A damaged or unsupported archive is an ArchiveError.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import type { Config } from '../config/index.js';
import { DomainError } from '../errors/index.js';
import { registerMessages } from '../i18n/index.js';

/** What an uploaded archive may hold: the configuration's `uploads` fits as it is. */
export type ArchiveLimits = Pick<Config['uploads'], 'xlsxMaxInflatedBytes' | 'xlsxMaxEntries'>;

/** The configuration's defaults (XLSX_MAX_INFLATED_MB=100, XLSX_MAX_ENTRIES=2000), for callers without a context. */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { xlsxMaxInflatedBytes: 100 * 1024 * 1024, xlsxMaxEntries: 2000 };

/** Headers, names and directory around the entries' data: what a real archive adds to what it holds. */
const HEADER_ROOM = 1024 * 1024;

/** The archive is damaged, encrypted or uses what we do not read (the caller says which file it was). */
export class ArchiveError extends Error {
  readonly name = 'ArchiveError';
}

/** 413 on the body: the archive holds more entries, or inflates to more, than allowed. */
export function archiveTooLarge(limits: ArchiveLimits): DomainError {
  const maxMb = Math.round((limits.xlsxMaxInflatedBytes / (1024 * 1024)) * 10) / 10;
  return new DomainError('request.archive_too_large', 'too_large', { field: 'body', maxMb, maxEntries: limits.xlsxMaxEntries }, 'body');
}

registerMessages({
  'request.archive_too_large': {
    zh: '文件解压后过大：最多 {maxMb} MB、{maxEntries} 个条目（疑似压缩炸弹）',
    en: 'The file is too large once unpacked: at most {maxMb} MB in {maxEntries} entries (a zip bomb?)',
  },
});

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** the inflated size the archive declares */
  size: number;
  localOffset: number;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };
const STORED = 0;
const DEFLATED = 8;

/**
 * An archive read from an upload. Entry names are looked up case-insensitively (as part names are in
 * an .xlsx); `close()` removes the temporary file and must always be called.
 */
export class Archive {
  private inflated = 0;
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly size: number,
    private readonly entries: Map<string, Entry>,
    private readonly limits: ArchiveLimits,
  ) {}

  /** Takes the whole upload (so it is always drained, unless too large) and reads its central directory. */
  static async open(bytes: AsyncIterable<Uint8Array>, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<Archive> {
    const file = await spool(bytes, limits.xlsxMaxInflatedBytes + HEADER_ROOM, () => archiveTooLarge(limits));
    let handle: FileHandle | undefined;
    try {
      handle = await open(file, 'r');
      const { size } = await handle.stat();
      const entries = await readDirectory(handle, size, limits);
      return new Archive(file, handle, size, entries, limits);
    } catch (error) {
      await handle?.close();
      await unlink(file).catch(() => undefined);
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The entry's inflated bytes in chunks of at most 64 KiB, each counted against the limits before it is given. */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new ArchiveError(`no entry ${name}`);
    if (entry.flags & 1) throw new ArchiveError(`${entry.name} is encrypted`);
    if (entry.method !== STORED && entry.method !== DEFLATED) throw new ArchiveError(`${entry.name} uses compression method ${entry.method}`);
    if (entry.method === STORED && entry.compressedSize !== entry.size) throw new ArchiveError(`${entry.name}: stored sizes differ`);
    const local = await readAt(this.handle, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== SIG.local) throw new ArchiveError(`${entry.name}: no local header`);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.compressedSize > this.size) throw new ArchiveError(`${entry.name} runs past the end of the file`);
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw new ArchiveError(`${entry.name}: no data`);
      return;
    }
    const raw = createReadStream(this.file, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
    const inflater = entry.method === DEFLATED ? createInflateRaw({ chunkSize: 64 * 1024 }) : null;
    const source: Readable = inflater ? raw.pipe(inflater) : raw;
    raw.on('error', (error) => inflater?.destroy(error));
    let bytes = 0;
    let crc = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        bytes += chunk.byteLength;
        this.inflated += chunk.byteLength;
        // An entry inflating past what it declares is lying about its size: stop before holding more.
        if (bytes > entry.size) throw new ArchiveError(`${entry.name} inflates to more than the ${entry.size} bytes it declares`);
        if (this.inflated > this.limits.xlsxMaxInflatedBytes) throw archiveTooLarge(this.limits);
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('Z_')) {
        throw new ArchiveError(`${entry.name}: ${(error as Error).message}`);
      }
      throw error;
    } finally {
      raw.unpipe();
      raw.destroy();
      inflater?.destroy();
    }
    if (bytes !== entry.size) throw new ArchiveError(`${entry.name} inflates to ${bytes} bytes, not the ${entry.size} it declares`);
    if ((crc >>> 0) !== entry.crc) throw new ArchiveError(`${entry.name}: checksum mismatch`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
    await unlink(this.file).catch(() => undefined);
  }
}

/** Writes the upload to a temporary file only this process can read, refusing it once it passes maxBytes. */
async function spool(bytes: AsyncIterable<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const file = path.join(tmpdir(), `yibao-upload-${randomUUID()}`);
  let size = 0;
  async function* counted() {
    for await (const chunk of bytes) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      yield chunk;
    }
  }
  try {
    await pipeline(Readable.from(counted()), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await unlink(file).catch(() => undefined);
    throw error;
  }
  return file;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new ArchiveError('the archive ends early');
    done += bytesRead;
  }
  return buffer;
}

/**
 * The central directory: refused when it lists more entries than allowed or declares more inflated
 * bytes than allowed, before any entry is inflated.
 */
async function readDirectory(handle: FileHandle, size: number, limits: ArchiveLimits): Promise<Map<string, Entry>> {
  if (size < 22) throw new ArchiveError('not a zip archive');
  // The end record: 22 bytes and a comment of up to 65535 bytes, at the very end.
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = await readAt(handle, tailStart, size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG.end && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ArchiveError('not a zip archive');
  if (tail.readUInt16LE(end + 4) !== 0 || tail.readUInt16LE(end + 6) !== 0) throw new ArchiveError('multi-part archives are not read');
  let total = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (total === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // ZIP64: a locator just before the end record points at the 64-bit end record
    const locatorAt = tailStart + end - 20;
    if (locatorAt < 0) throw new ArchiveError('ZIP64 locator missing');
    const locator = await readAt(handle, locatorAt, 20);
    if (locator.readUInt32LE(0) !== SIG.locator64) throw new ArchiveError('ZIP64 locator missing');
    const end64At = safeNumber(locator.readBigUInt64LE(8));
    if (end64At + 56 > locatorAt) throw new ArchiveError('ZIP64 end record out of place');
    const end64 = await readAt(handle, end64At, 56);
    if (end64.readUInt32LE(0) !== SIG.end64) throw new ArchiveError('ZIP64 end record missing');
    total = safeNumber(end64.readBigUInt64LE(32));
    directorySize = safeNumber(end64.readBigUInt64LE(40));
    directoryOffset = safeNumber(end64.readBigUInt64LE(48));
  }
  if (total > limits.xlsxMaxEntries) throw archiveTooLarge(limits);
  if (directoryOffset + directorySize > size) throw new ArchiveError('central directory out of place');

  const cursor = new Cursor(handle, directoryOffset, directoryOffset + directorySize);
  const entries = new Map<string, Entry>();
  let declared = 0;
  while (!cursor.done()) {
    // the directory may list more entries than its end record says: count them as they come
    if (entries.size >= limits.xlsxMaxEntries) throw archiveTooLarge(limits);
    const header = await cursor.take(46);
    if (header.readUInt32LE(0) !== SIG.central) throw new ArchiveError('damaged central directory');
    const flags = header.readUInt16LE(8);
    const nameBytes = await cursor.take(header.readUInt16LE(28));
    // bit 11: the name is UTF-8; else code page 437, the same as Latin-1 for the ASCII names of an .xlsx
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    const extra = await cursor.take(header.readUInt16LE(30));
    await cursor.take(header.readUInt16LE(32)); // comment
    const entry: Entry = {
      name,
      flags,
      method: header.readUInt16LE(10),
      crc: header.readUInt32LE(16),
      compressedSize: header.readUInt32LE(20),
      size: header.readUInt32LE(24),
      localOffset: header.readUInt32LE(42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) zip64Sizes(entry, extra);
    declared += entry.size;
    if (declared > limits.xlsxMaxInflatedBytes) throw archiveTooLarge(limits);
    const key = name.toLowerCase();
    if (entries.has(key)) throw new ArchiveError(`${name} is in the archive twice`);
    entries.set(key, entry);
  }
  if (entries.size !== total) throw new ArchiveError('central directory and end record disagree');
  return entries;
}

/** The 64-bit sizes and offset of the ZIP64 extra field, in its order, for the fields that overflowed. */
function zip64Sizes(entry: Entry, extra: Buffer) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ArchiveError(`${entry.name}: short ZIP64 field`);
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
  throw new ArchiveError(`${entry.name}: ZIP64 field missing`);
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveError('size out of range');
  return Number(value);
}

/** Reads a region of the file front to back through a small buffer. */
class Cursor {
  private buffer = Buffer.alloc(0);
  private at = 0;

  constructor(
    private readonly handle: FileHandle,
    private position: number,
    private readonly end: number,
  ) {}

  done(): boolean {
    return this.at === this.buffer.length && this.position === this.end;
  }

  async take(n: number): Promise<Buffer> {
    if (this.buffer.length - this.at < n) {
      const rest = this.buffer.subarray(this.at);
      const more = Math.min(Math.max(n - rest.length, 64 * 1024), this.end - this.position);
      if (rest.length + more < n) throw new ArchiveError('damaged central directory');
      this.buffer = Buffer.concat([rest, await readAt(this.handle, this.position, more)]);
      this.position += more;
      this.at = 0;
    }
    const taken = this.buffer.subarray(this.at, this.at + n);
    this.at += n;
    return taken;
  }
}
