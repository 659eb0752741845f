/** 险种 insurance types: national codes (310, 390, 410, 510 …) or local ones, added as data, never deleted. */
import { asc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../kernel/db/index.js';
import { badRequest, conflict } from '../../kernel/errors/index.js';
import type { InsuranceTypeView } from './contract.js';
import { insuranceTypes } from './schema.js';
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
  createdAt: row.createdAt.toISOString(),
});

/** Every insurance type, by code: a short list, answered as one page. */
export async function listInsuranceTypes(db: Db) {
  const items = (await db.select().from(insuranceTypes).orderBy(asc(insuranceTypes.code))).map(insuranceTypeView);
  return wholePage(items);
}

const insertType = async (db: Db, actorId: string | null, input: { code: string; name: string; nameEn: string }) =>
  (await db.insert(insuranceTypes).values({ code: input.code, name: input.name, nameEn: input.nameEn, createdBy: actorId }).onConflictDoNothing().returning())[0];

/** Adds an insurance type; a taken code is a 409 naming `code`. */
export async function createInsuranceType(db: Db, actorId: string, input: { code: string; name: string; nameEn: string }): Promise<InsuranceTypeView> {
  const row = await insertType(db, actorId, input);
  if (!row) throw conflict('policy.insurance_type_exists', { insuranceType: input.code }, 'code');
  return insuranceTypeView(row);
}

/** Adds an insurance type unless its code exists (seeding). */
export async function ensureInsuranceType(db: Db, input: { code: string; name: string; nameEn: string }) {
  await insertType(db, null, input);
}
