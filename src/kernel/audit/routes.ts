import { Type } from '@sinclair/typebox';
import { count, desc, eq } from 'drizzle-orm';
import type { App } from '../http/app.js';
import type { Database } from '../db/index.js';
import { forbidden } from '../errors/index.js';
import { requireUser } from '../http/auth.js';
import { PageQuery } from '../http/schemas.js';
import { auditRecords } from './schema.js';
import type { AuditLog } from './index.js';
import { AuditRecordPage, AuditVerdictView } from './contract.js';

/**
 * The audit log spans every region, so only accounts of the root organization read it; a
 * regional admin's view would leak other regions' activity.
 */
const isRootOrg = (orgPath: string | null) => orgPath !== null && orgPath.split('/').filter(Boolean).length === 1;

/** Who the actors are, by id (the user center's accounts): a display name each, masked; ids it does not know are left out. */
export type ActorNames = (ids: string[]) => Promise<Map<string, string>>;

export async function auditRoutes(app: App, database: Database, audit: AuditLog, permission: string, actorNames: ActorNames = async () => new Map()) {
  app.get('/records', {
    config: { auth: { user: true, permission } },
    schema: {
      tags: ['audit'],
      summary: '审计日志 audit records, newest first',
      querystring: Type.Object({ ...PageQuery, actorId: Type.Optional(Type.String({ maxLength: 64 })) }),
      response: { 200: AuditRecordPage },
    },
  }, async (request) => {
    if (!isRootOrg(requireUser(request).orgPath)) throw forbidden('auth.out_of_scope');
    const { page, pageSize, actorId } = request.query;
    const where = actorId ? eq(auditRecords.actorId, actorId) : undefined;
    const [items, [{ total }]] = await Promise.all([
      database.db.select().from(auditRecords).where(where).orderBy(desc(auditRecords.id)).limit(pageSize).offset((page - 1) * pageSize),
      database.db.select({ total: count() }).from(auditRecords).where(where),
    ]);
    const names = await actorNames(items.flatMap((r) => (r.actorId ? [r.actorId] : [])));
    return { items: items.map((r) => ({ ...r, actorName: (r.actorId && names.get(r.actorId)) ?? null, occurredAt: r.occurredAt.toISOString() })), total, page, pageSize };
  });

  app.get('/verify', {
    config: { auth: { user: true, permission } },
    schema: { tags: ['audit'], summary: '校验审计链（含签名锚点） verify the audit hash chain against its signed checkpoints', response: { 200: AuditVerdictView } },
  }, async (request) => {
    if (!isRootOrg(requireUser(request).orgPath)) throw forbidden('auth.out_of_scope');
    return audit.verify();
  });
}
