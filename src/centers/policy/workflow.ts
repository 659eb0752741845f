/**
 * 审核 → 发布 → 作废 a version's workflow after its draft: review and publication by someone other
 * than the author (四眼原则), publication refused over another published version's period, voiding
 * in any state. Only a maintainer of the version's region acts on it; to anyone else it is not found.
 */
import { and, asc, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import { transaction, type Db } from '../../kernel/db/index.js';
import { conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { VersionView } from './contract.js';
import { VERSION_PUBLISHED, VERSION_VOIDED } from './events.js';
import { monthText } from './month.js';
import { requireMaintainedVersion, type Maintainer } from './scope.js';
import { versionEvents, versions } from './schema.js';
import type { PolicyStatus } from './types.js';
import { lockSeries, versionViews, type PolicyDeps, type VersionRow } from './versions.js';

/** The version, locked, if the maintainer maintains its region. */
async function lockVersion(tx: Db, maintainer: Maintainer, id: string) {
  const [row] = await tx.select().from(versions).where(eq(versions.id, id)).for('update');
  if (!row) throw notFound('policy.not_found');
  requireMaintainedVersion(maintainer, row);
  return row;
}

function requireStatus(row: VersionRow, expected: PolicyStatus[], action: string) {
  if (!expected.includes(row.status)) throw conflict('policy.state_invalid', { status: row.status, action, expected: expected.join('/') }, 'status');
}

/** 四眼原则 the author never reviews or publishes their own version. */
function requireOtherThanAuthor(row: VersionRow, maintainer: Maintainer) {
  if (row.authorId === maintainer.accountId) throw forbidden('policy.four_eyes');
}

async function recordEvent(tx: Db, versionId: string, action: 'reviewed' | 'published' | 'voided', actorId: string, comment?: string | null) {
  await tx.insert(versionEvents).values({ id: newId('pev'), versionId, action, actorId, comment: comment ?? null });
}

const viewIn = async (tx: Db, row: VersionRow) => (await versionViews(tx, [row]))[0];

/** 审核 a draft, by someone other than its author. */
export async function reviewVersion(deps: PolicyDeps, maintainer: Maintainer, id: string, comment?: string, db: Db = deps.database.db): Promise<VersionView> {
  return transaction(db, async (tx) => {
    const row = await lockVersion(tx, maintainer, id);
    requireStatus(row, ['draft'], 'reviewed');
    requireOtherThanAuthor(row, maintainer);
    const [updated] = await tx
      .update(versions)
      .set({ status: 'reviewed', reviewerId: maintainer.accountId, reviewedAt: new Date() })
      .where(eq(versions.id, id))
      .returning();
    await recordEvent(tx, id, 'reviewed', maintainer.accountId, comment);
    return viewIn(tx, updated);
  });
}

/**
 * 发布 a reviewed version, by someone other than its author. Refused when its period overlaps
 * another published version of the same series (409 naming effectiveFrom when it starts inside the
 * other, else effectiveTo).
 */
export async function publishVersion(deps: PolicyDeps, maintainer: Maintainer, id: string, db: Db = deps.database.db): Promise<VersionView> {
  return transaction(db, async (tx) => {
    const [peek] = await tx.select({ series: versions.series }).from(versions).where(eq(versions.id, id));
    if (!peek) throw notFound('policy.not_found');
    await lockSeries(tx, peek.series);
    const row = await lockVersion(tx, maintainer, id);
    requireStatus(row, ['reviewed'], 'published');
    requireOtherThanAuthor(row, maintainer);
    const [other] = await tx
      .select()
      .from(versions)
      .where(
        and(
          eq(versions.series, row.series),
          eq(versions.status, 'published'),
          ne(versions.id, row.id),
          row.effectiveTo === null ? undefined : lte(versions.effectiveFrom, row.effectiveTo),
          or(isNull(versions.effectiveTo), gte(versions.effectiveTo, row.effectiveFrom)),
        ),
      )
      .orderBy(asc(versions.effectiveFrom))
      .limit(1);
    if (other) {
      throw conflict(
        'policy.overlap',
        {
          otherId: other.id,
          otherVersion: other.version,
          otherFrom: monthText(other.effectiveFrom),
          otherTo: other.effectiveTo === null ? '—' : monthText(other.effectiveTo),
        },
        other.effectiveFrom <= row.effectiveFrom ? 'effectiveFrom' : 'effectiveTo',
      );
    }
    const [updated] = await tx
      .update(versions)
      .set({ status: 'published', publisherId: maintainer.accountId, publishedAt: new Date() })
      .where(eq(versions.id, id))
      .returning();
    await recordEvent(tx, id, 'published', maintainer.accountId);
    await deps.outbox.publish(tx, VERSION_PUBLISHED, eventPayload(updated));
    return viewIn(tx, updated);
  });
}

/** 作废 a version in any state but voided; a voided version never applies again. */
export async function voidVersion(deps: PolicyDeps, maintainer: Maintainer, id: string, reason: string, db: Db = deps.database.db): Promise<VersionView> {
  return transaction(db, async (tx) => {
    const row = await lockVersion(tx, maintainer, id);
    requireStatus(row, ['draft', 'reviewed', 'published'], 'voided');
    const [updated] = await tx
      .update(versions)
      .set({ status: 'voided', voiderId: maintainer.accountId, voidedAt: new Date(), voidReason: reason })
      .where(eq(versions.id, id))
      .returning();
    await recordEvent(tx, id, 'voided', maintainer.accountId, reason);
    if (row.status === 'published') await deps.outbox.publish(tx, VERSION_VOIDED, eventPayload(updated));
    return viewIn(tx, updated);
  });
}

function eventPayload(row: VersionRow) {
  return {
    id: row.id,
    kind: row.kind,
    insuranceType: row.insuranceType,
    regionCode: row.regionCode,
    effectiveFrom: monthText(row.effectiveFrom),
    effectiveTo: row.effectiveTo === null ? null : monthText(row.effectiveTo),
    version: row.version,
  };
}
