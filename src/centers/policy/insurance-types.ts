/** 险种 insurance types: national codes (310, 390, 410, 510 …) or local ones, added as data, never deleted. */
import { asc, eq } from 'drizzle-orm';
import { transaction, type Database, type Db } from '../../kernel/db/index.js';
import { badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import type { InsuranceTypeView } from './contract.js';
import { insuranceTypes } from './schema.js';
import { ENROLLMENT_KINDS, type EnrollmentKind } from './types.js';
import { wholePage } from '../../kernel/page/index.js';

/** Codes known to exist. Types are never deleted, so a hit is never stale; a miss asks the database. */
const knownTypes = new WeakMap<Database, Set<string>>();

/** An existing insurance type, else a 400 naming `field`. */
export async function requireInsuranceType(database: Database, code: string, db: Db = database.db, field = 'insuranceType') {
  let known = knownTypes.get(database);
  if (!known) knownTypes.set(database, (known = new Set()));
  if (known.has(code)) return;
  const [row] = await db.select({ code: insuranceTypes.code }).from(insuranceTypes).where(eq(insuranceTypes.code, code));
  if (!row) throw badRequest('policy.insurance_type_unknown', field, { insuranceType: code });
  known.add(code);
}

const insuranceTypeView = (row: typeof insuranceTypes.$inferSelect): InsuranceTypeView => ({
  code: row.code,
  name: row.name,
  nameEn: row.nameEn,
  enrollmentKinds: row.enrollmentKinds,
  createdAt: row.createdAt.toISOString(),
});

export interface InsuranceTypeInput {
  code: string;
  name: string;
  nameEn: string;
  enrollmentKinds: readonly EnrollmentKind[];
}

/** Every insurance type, by code: a short list, answered as one page. */
export async function listInsuranceTypes(db: Db) {
  const items = (await db.select().from(insuranceTypes).orderBy(asc(insuranceTypes.code))).map(insuranceTypeView);
  return wholePage(items);
}

/** The enrollment kinds a type admits, in the list's order and each once. */
const kindsOf = (kinds: readonly EnrollmentKind[]): EnrollmentKind[] => ENROLLMENT_KINDS.filter((k) => kinds.includes(k));

const insertType = async (db: Db, actorId: string | null, input: InsuranceTypeInput) =>
  (
    await db
      .insert(insuranceTypes)
      .values({ code: input.code, name: input.name, nameEn: input.nameEn, enrollmentKinds: kindsOf(input.enrollmentKinds), createdBy: actorId })
      .onConflictDoNothing()
      .returning()
  )[0];

/** Adds an insurance type; a taken code is a 409 naming `code`. */
export async function createInsuranceType(db: Db, actorId: string, input: InsuranceTypeInput): Promise<InsuranceTypeView> {
  const row = await insertType(db, actorId, input);
  if (!row) throw conflict('policy.insurance_type_exists', { insuranceType: input.code }, 'code');
  return insuranceTypeView(row);
}

/**
 * Renames a type or changes the enrollment kinds it admits (enrollments already made stay). In a
 * transaction, so that the request's audit record commits with the change.
 */
export function changeInsuranceType(db: Db, code: string, change: Partial<Omit<InsuranceTypeInput, 'code'>>): Promise<InsuranceTypeView> {
  return transaction(db, async (tx) => {
    const [row] = await tx
      .update(insuranceTypes)
      .set({
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.nameEn === undefined ? {} : { nameEn: change.nameEn }),
        ...(change.enrollmentKinds === undefined ? {} : { enrollmentKinds: kindsOf(change.enrollmentKinds) }),
      })
      .where(eq(insuranceTypes.code, code))
      .returning();
    if (!row) throw notFound('policy.insurance_type_unknown', { insuranceType: code });
    return insuranceTypeView(row);
  });
}

/** The enrollment kinds a type admits; null for a type that does not exist. Read each time: an administrator may change them. */
export async function admittedKinds(db: Db, code: string): Promise<EnrollmentKind[] | null> {
  const [row] = await db.select({ kinds: insuranceTypes.enrollmentKinds }).from(insuranceTypes).where(eq(insuranceTypes.code, code));
  return row ? row.kinds : null;
}

/** Adds an insurance type unless its code exists (seeding). */
export async function ensureInsuranceType(db: Db, input: InsuranceTypeInput) {
  await insertType(db, null, input);
}
