/**
 * 证明材料 evidence files a person uploads for their voucher (the household-register page, 户口簿,
 * that binds a child): the body itself, JPEG, PNG or PDF by its first bytes whatever the request
 * claims, at most EVIDENCE_MAX_BYTES, kept with its SHA-256. The uploader reads their own; a clerk
 * reads those of their region (registry.read), as they read the person's registry record.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { DomainError, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import * as auth from '../auth/index.js';
import type { EvidenceView } from './contract.js';
import { evidenceFiles } from './schema.js';
import { myVoucher } from './service.js';

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

const MAGIC: Array<[EvidenceContentType, number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

/** The type the content's first bytes say, or null for anything but JPEG, PNG and PDF. */
export function sniffEvidenceType(content: Uint8Array): EvidenceContentType | null {
  const found = MAGIC.find(([, magic]) => content.length >= magic.length && magic.every((byte, i) => content[i] === byte));
  return found ? found[0] : null;
}

/** The problem with an upload, naming `body`, or null: empty, too large, or not what its first bytes must be. */
export function evidenceProblem(content: Uint8Array, declared: string | undefined): DomainError | null {
  if (!content.length) return new DomainError('voucher.evidence_empty', 'unprocessable', {}, 'body');
  if (content.length > EVIDENCE_MAX_BYTES) return new DomainError('voucher.evidence_too_large', 'too_large', { megabytes: EVIDENCE_MAX_BYTES / 1024 / 1024 }, 'body');
  const sniffed = sniffEvidenceType(content);
  // a PNG sent as image/jpeg is refused too: what is stored is what the request said and the bytes are
  if (!sniffed || sniffed !== declared) return new DomainError('voucher.evidence_type', 'unprocessable', { declared: declared ?? null }, 'body');
  return null;
}

const evidenceView = (row: typeof evidenceFiles.$inferSelect): EvidenceView => ({
  id: row.id,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  createdAt: row.createdAt.toISOString(),
});

/** Stores the signed-in person's upload (they must have a voucher: the region's clerks read it). */
export async function uploadEvidence(ctx: AppContext, actor: Actor, content: Buffer, declared: string | undefined): Promise<EvidenceView> {
  const problem = evidenceProblem(content, declared);
  if (problem) throw problem;
  const voucher = await myVoucher(ctx, actor);
  const [row] = await ctx.database.db
    .insert(evidenceFiles)
    .values({
      id: newId('vev'),
      ownerPersonId: voucher.personId,
      regionCode: voucher.regionCode,
      contentType: sniffEvidenceType(content)!,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    })
    .returning();
  return evidenceView(row);
}

/**
 * An evidence file the actor may read: their own upload, or, for a clerk holding registry.read, one
 * of their region's. Anything else is not found (404), never a hint that it exists.
 */
export async function readEvidence(ctx: AppContext, actor: Actor, id: string): Promise<{ contentType: EvidenceContentType; content: Buffer; sha256: string }> {
  const [row] = await ctx.database.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  if (!row) throw notFound('voucher.evidence_not_found');
  if (actor.kind === 'person') {
    if (row.ownerPersonId !== (await actor.personId())) throw notFound('voucher.evidence_not_found');
  } else {
    if (!actor.can(auth.PERMISSIONS.registryRead)) throw notFound('voucher.evidence_not_found');
    (await actor.scope()).require(row.regionCode, 'voucher.evidence_not_found');
  }
  return { contentType: row.contentType, content: row.content, sha256: row.sha256 };
}

/** The id of an evidence file the person uploaded, or a 422 naming `field`. */
export async function requireOwnEvidence(ctx: AppContext, ownerPersonId: string, id: string, field: string): Promise<string> {
  const [row] = await ctx.database.db
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, id), eq(evidenceFiles.ownerPersonId, ownerPersonId)));
  if (!row) throw new DomainError('voucher.evidence_not_found', 'unprocessable', {}, field);
  return row.id;
}
