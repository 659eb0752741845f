/**
 * 电子凭证 the voucher itself: creation from enrollment events, activation, the voucher password,
 * channel authorization and family members. The person behind a signed-in account is the actor's
 * registry person id (resolved once per session by the kernel); the registry record itself is read
 * by id only where its facts are needed (the masked name, the birth date for password rules).
 */
import argon2 from 'argon2';
import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor, RegionScope } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { memoPerCache } from '../../kernel/cache/memo.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { maskName } from '../../kernel/crypto/index.js';
import * as registry from '../registry/index.js';
import * as enrollment from '../enrollment/index.js';
import * as auth from '../auth/index.js';
import { authorizations, familyLinks, invitations, riskEvents, usage, vouchers, type InsuranceEntry } from './schema.js';
import { ageOn, checkPinDigest, CHILD_AGE_LIMIT, insuranceTypesInForce, pinDigest, pinKeyOf, voucherPasswordWeakness, type PinKey, type RiskRule } from './rules.js';
import { requireOwnEvidence } from './evidence.js';
import { PASSWORD_LOCKED } from './events.js';
import type {
  AuthorizationView,
  AvailableChannelView,
  ChannelAuthorizationView,
  FamilyMemberView,
  IncomingInvitationView,
  InvitationView,
  RiskEventView,
  UsageView,
  VoucherView,
} from './contract.js';
import { withinScope } from '../../kernel/actor/sql.js';
import { pageOf } from '../../kernel/page/index.js';

export type Voucher = typeof vouchers.$inferSelect;
/** A voucher with the masked name institutions and family see (read from the registry once, when missing). */
export type NamedVoucher = Voucher & { nameMasked: string };

const INVITATION_TTL_MS = 7 * 86400_000;
const today = () => new Date().toISOString().slice(0, 10);

interface PageQuery {
  page: number;
  pageSize: number;
}
const offsetOf = (query: PageQuery) => (query.page - 1) * query.pageSize;

// ------------------------------------------------------------------------------------ events

/** What the voucher keeps of one employment, from the enrollment events: its insurance type and status. */
export interface EmploymentFact {
  employmentId: string;
  personId: string;
  insuranceType: string;
  regionCode: string;
  status: string;
}

/**
 * Creates the person's voucher on their first enrollment (inactive) and records the employment's
 * insurance type and status as of event `eventId`. Idempotent: a redelivered or older event for the
 * same employment changes nothing. Runs only on the dispatch transaction (PGlite has one connection).
 */
export async function recordEmployment(ctx: AppContext, eventId: number, fact: EmploymentFact, tx: Db): Promise<void> {
  const entry: InsuranceEntry = { insuranceType: fact.insuranceType, status: fact.status, eventId };
  const [changed] = await ctx.database.rows<{ holder_account_id: string | null }>(
    sql`insert into voucher.vouchers (id, person_id, region_code, insurance)
        values (${newId('vch')}, ${fact.personId}, ${fact.regionCode}, jsonb_build_object(${fact.employmentId}::text, ${JSON.stringify(entry)}::jsonb))
        on conflict (person_id) do update set insurance = voucher.vouchers.insurance || excluded.insurance
        where coalesce((voucher.vouchers.insurance -> ${fact.employmentId}::text ->> 'eventId')::bigint, 0) < ${eventId}::bigint
        returning holder_account_id`,
    tx,
  );
  // Before the commit: a generation in between may memoize the old insurance types for the memo's TTL.
  await forgetHolder(ctx, changed?.holder_account_id);
}

// ------------------------------------------------------------------------------------ lookup

async function voucherOfPerson(db: Db, personId: string): Promise<Voucher | undefined> {
  const [row] = await db.select().from(vouchers).where(eq(vouchers.personId, personId));
  return row;
}

const isNamed = (voucher: Voucher): voucher is NamedVoucher => voucher.nameMasked !== null;

/** The registry record of a person the platform knows by id. */
async function registryPerson(ctx: AppContext, personId: string): Promise<registry.RegistryPerson> {
  const person = await registry.getPerson(ctx, personId);
  if (!person) throw notFound('voucher.not_found');
  return person;
}

/**
 * The voucher of a registry person, created when missing (a family member, or an enrollment whose
 * event has not been delivered yet) with the person's enrollments as the enrollment center has them,
 * and given its masked name when it has none yet (a voucher the events created).
 */
async function ensureVoucher(ctx: AppContext, personId: string, actorAccountId: string, known?: registry.RegistryPerson): Promise<NamedVoucher> {
  const db = ctx.database.db;
  const existing = await voucherOfPerson(db, personId);
  if (existing && isNamed(existing)) return existing;
  const person = known ?? (await registryPerson(ctx, personId));
  const nameMasked = maskName(person.name);
  if (!existing) {
    const enrolled = await enrollment.personEnrollments(ctx, { accountId: actorAccountId, personId }, personId);
    // eventId 0: any delivered event about the same employment is newer and wins
    const insurance: Record<string, InsuranceEntry> = Object.fromEntries(enrolled.items.map((e) => [e.id, { insuranceType: e.insuranceType, status: e.status, eventId: 0 }]));
    await db.insert(vouchers).values({ id: newId('vch'), personId, regionCode: person.regionCode, insurance, nameMasked }).onConflictDoNothing();
  }
  const row = existing ?? (await voucherOfPerson(db, personId))!;
  if (isNamed(row)) return row;
  await db.update(vouchers).set({ nameMasked }).where(eq(vouchers.id, row.id));
  return { ...row, nameMasked };
}

/**
 * The signed-in person's voucher: one indexed read once it exists. An enrolled person whose voucher
 * the event did not create yet (an enrollment older than this center) gets it now; a person never
 * enrolled (or not in the registry) has none.
 */
export async function myVoucher(ctx: AppContext, actor: Actor): Promise<NamedVoucher> {
  const personId = await actor.personId();
  if (!personId) throw notFound('voucher.not_found');
  const existing = await voucherOfPerson(ctx.database.db, personId);
  if (existing && isNamed(existing)) return existing;
  if (!existing) {
    const enrolled = await enrollment.personEnrollments(ctx, { accountId: actor.accountId, personId }, personId);
    if (!enrolled.items.length) throw notFound('voucher.not_found');
  }
  return ensureVoucher(ctx, personId, actor.accountId);
}

/** The active voucher the account activated (one indexed read: the hot path of code generation). */
export async function activeVoucherOf(ctx: AppContext, accountId: string): Promise<Voucher> {
  const [row] = await ctx.database.db.select().from(vouchers).where(eq(vouchers.holderAccountId, accountId));
  if (!row || row.status !== 'active') throw conflict('voucher.not_active');
  return row;
}

/** What code generation needs of a holder: the voucher and the channels it authorized. */
interface HolderState {
  voucher: Voucher;
  authorizedAppIds: string[];
}

/**
 * A holder generates a code a minute or more while the screen is open, and their voucher hardly
 * changes meanwhile: each node keeps it by account. Every change to it (activation, enrollment
 * events, authorizations) calls `forgetHolder`; verification re-checks the authorization in the
 * database anyway, so a memo a few seconds stale can never make a revoked channel's code pass.
 */
const holderMemo = memoPerCache<HolderState>('voucher-holder-changed', { ttlMs: 10_000 });

/** Call after a change to the holder's voucher or authorizations; null (an unactivated voucher) is a no-op. */
export async function forgetHolder(ctx: AppContext, accountId: string | null | undefined) {
  if (accountId) await holderMemo(ctx.cache).forget(accountId);
}

export const holderState = (ctx: AppContext, accountId: string) =>
  holderMemo(ctx.cache).get(accountId, async () => {
    const rows = await ctx.database.db
      .select({ voucher: vouchers, appId: authorizations.appId })
      .from(vouchers)
      .leftJoin(authorizations, and(eq(authorizations.voucherId, vouchers.id), isNull(authorizations.revokedAt)))
      .where(eq(vouchers.holderAccountId, accountId));
    if (!rows.length) return null;
    return { voucher: rows[0].voucher, authorizedAppIds: rows.flatMap((r) => (r.appId ? [r.appId] : [])) };
  });

export function voucherView(voucher: NamedVoucher, locked: boolean): VoucherView {
  return {
    id: voucher.id,
    status: voucher.status,
    personId: voucher.personId,
    name: voucher.nameMasked,
    regionCode: voucher.regionCode,
    insuranceTypes: insuranceTypesInForce(voucher.insurance),
    activatedAt: voucher.activatedAt?.toISOString() ?? null,
    passwordLocked: locked,
  };
}

/** 本人电子凭证 the signed-in person's voucher, with its lockout state. */
export async function myVoucherView(ctx: AppContext, actor: Actor): Promise<VoucherView> {
  const voucher = await myVoucher(ctx, actor);
  return voucherView(voucher, await isPasswordLocked(ctx, voucher.id));
}

// ---------------------------------------------------------------------------- voucher password

/** The PIN keys: the current one first (new digests), then previous ones that still verify. */
const pinKeys = (ctx: AppContext): PinKey[] => [ctx.config.keys.voucherPin, ...ctx.config.keys.voucherPinPrevious].map(pinKeyOf);

const digestOf = (ctx: AppContext, voucherId: string, pin: string) => pinDigest(pinKeyOf(ctx.config.keys.voucherPin), voucherId, pin);

/**
 * Whether `pin` is the voucher's. A digest made with a previous key, or an argon2id hash from before
 * PIN digests, is replaced with the current key's digest on the first right PIN (only if the stored
 * value is still the one checked, so a concurrent change of password wins).
 */
async function matches(ctx: AppContext, voucher: Voucher, pin: string): Promise<boolean> {
  const stored = voucher.passwordHash;
  if (!stored) return false;
  const checked = checkPinDigest(pinKeys(ctx), voucher.id, pin, stored);
  if (checked) {
    if (checked.verdict === 'unknown_key') ctx.log.error({ voucherId: voucher.id }, 'voucher PIN digest made with a key this node does not hold (VOUCHER_PIN_KEY / VOUCHER_PIN_PREVIOUS_KEYS)');
    if (checked.verdict !== 'match') return false;
    if (checked.current) return true;
  } else if (!(await argon2.verify(stored, pin).catch(() => false))) {
    return false;
  }
  await ctx.database.db
    .update(vouchers)
    .set({ passwordHash: digestOf(ctx, voucher.id, pin) })
    .where(and(eq(vouchers.id, voucher.id), eq(vouchers.passwordHash, stored)));
  return true;
}

const failKey = (voucherId: string) => `vpw:fail:${voucherId}`;

export async function isPasswordLocked(ctx: AppContext, voucherId: string): Promise<boolean> {
  return Number((await ctx.cache.get(failKey(voucherId))) ?? 0) >= ctx.config.voucher.maxPasswordFailures;
}

/**
 * Checks the voucher password. Every attempt counts in the shared cache (all nodes) before the
 * password is compared, in one atomic increment, so N concurrent attempts cost N: only those within
 * the limit are compared. The attempt that reaches the limit starts the lockout, and from then on the
 * voucher refuses every attempt, right or wrong, until it ends or the password is reset. A right
 * password clears the count only when no other attempt was counted after it.
 */
export async function checkVoucherPassword(ctx: AppContext, voucher: Voucher, password: string, field: string): Promise<void> {
  const { maxPasswordFailures: max, passwordLockoutSec } = ctx.config.voucher;
  const key = failKey(voucher.id);
  const locked = async () => {
    const retryAfterSec = Math.max(1, Math.ceil(((await ctx.cache.ttl(key)) ?? passwordLockoutSec * 1000) / 1000));
    return new DomainError('voucher.password_locked', 'locked', { minutes: Math.ceil(retryAfterSec / 60), retryAfterSec }, field);
  };
  const attempt = await ctx.cache.incr(key, passwordLockoutSec * 1000);
  if (attempt > max) throw await locked();
  // The lockout lasts passwordLockoutSec from the attempt that reaches the limit, not from the first failure.
  if (attempt === max) await ctx.cache.touch(key, passwordLockoutSec * 1000);
  if (await matches(ctx, voucher, password)) {
    await ctx.cache.delIfEquals(key, String(attempt));
    return;
  }
  if (attempt >= max) {
    // Only the attempt that reached the limit gets here wrong (those after it were refused above):
    // once per lockout, in a transaction of its own, since the cache counted the attempt.
    const lockedUntil = new Date(Date.now() + passwordLockoutSec * 1000).toISOString();
    await transaction(ctx.database.db, (tx) =>
      ctx.outbox.publish(tx, PASSWORD_LOCKED, { voucherId: voucher.id, personId: voucher.personId, lockedUntil, regionCode: voucher.regionCode }),
    );
    throw await locked();
  }
  throw new DomainError('voucher.password_wrong', 'invalid', { remaining: max - attempt }, field);
}

function requireStrong(password: string, birthDate: string | null, field: string) {
  const weakness = voucherPasswordWeakness(password, birthDate);
  if (weakness) throw new DomainError(weakness, 'invalid', {}, field);
}

/** 激活 at L3 (the route requires it): the account becomes the voucher's holder. */
export async function activate(ctx: AppContext, actor: Actor, password: string): Promise<VoucherView> {
  const voucher = await myVoucher(ctx, actor);
  if (voucher.status === 'active') throw conflict('voucher.already_active');
  // The registry's record, read by id: its birth date for the password rules, its current name for institutions.
  const person = await registryPerson(ctx, voucher.personId);
  requireStrong(password, person.birthDate, 'password');
  const hash = digestOf(ctx, voucher.id, password);
  const [updated] = await ctx.database.db
    .update(vouchers)
    .set({ status: 'active', holderAccountId: actor.accountId, passwordHash: hash, nameMasked: maskName(person.name), activatedAt: new Date(), passwordChangedAt: new Date() })
    .where(and(eq(vouchers.id, voucher.id), eq(vouchers.status, 'inactive')))
    .returning();
  if (!updated || !isNamed(updated)) throw conflict('voucher.already_active');
  await forgetHolder(ctx, actor.accountId);
  return voucherView(updated, false);
}

/** The signed-in person's voucher, which they must have activated themselves. */
async function heldVoucher(ctx: AppContext, actor: Actor): Promise<NamedVoucher> {
  const voucher = await myVoucher(ctx, actor);
  if (voucher.status !== 'active' || voucher.holderAccountId !== actor.accountId) throw conflict('voucher.not_active');
  return voucher;
}

const setPassword = async (ctx: AppContext, voucher: Voucher, password: string) =>
  ctx.database.db.update(vouchers).set({ passwordHash: digestOf(ctx, voucher.id, password), passwordChangedAt: new Date() }).where(eq(vouchers.id, voucher.id));

export async function changePassword(ctx: AppContext, actor: Actor, input: { oldPassword: string; newPassword: string }) {
  const voucher = await heldVoucher(ctx, actor);
  await checkVoucherPassword(ctx, voucher, input.oldPassword, 'oldPassword');
  requireStrong(input.newPassword, (await registryPerson(ctx, voucher.personId)).birthDate, 'newPassword');
  if (input.newPassword === input.oldPassword) throw new DomainError('voucher.password_same', 'invalid', {}, 'newPassword');
  await setPassword(ctx, voucher, input.newPassword);
}

/** 找回密码 without the old password: the route requires L3, and the liveness check must be recent. */
export async function resetPassword(ctx: AppContext, actor: Actor, newPassword: string) {
  const voucher = await heldVoucher(ctx, actor);
  const livenessAt = await auth.lastLivenessAt(ctx, actor.accountId);
  if (!livenessAt || Date.now() - livenessAt.getTime() > ctx.config.voucher.resetLivenessMaxAgeSec * 1000) throw forbidden('voucher.liveness_stale');
  requireStrong(newPassword, (await registryPerson(ctx, voucher.personId)).birthDate, 'newPassword');
  await setPassword(ctx, voucher, newPassword);
  await ctx.cache.del(failKey(voucher.id));
}

// ------------------------------------------------------------------------- channel authorization

/** 渠道能力 a channel app must hold to be offered: one that verifies the codes it asks the person for. */
const VOUCHER_CHANNEL_CAPABILITY = 'voucher.verify';

const channelKindOf = (institutionCode: string | null): AvailableChannelView['kind'] =>
  !institutionCode ? 'app' : institutionCode.startsWith('P') ? 'pharmacy' : 'hospital';

/**
 * 可授权渠道 the channel apps the holder may authorize: active, verifying codes, and serving the
 * voucher's region (an institution's app its city, another the region of the organization that
 * registered it, a national one everyone), each with the institution it acts for.
 */
export async function availableChannels(ctx: AppContext, actor: Actor): Promise<AvailableChannelView[]> {
  const voucher = await activeVoucherOf(ctx, actor.accountId);
  const [apps, authorized] = await Promise.all([
    auth.channelAppsServing(ctx.database.db, voucher.regionCode, VOUCHER_CHANNEL_CAPABILITY),
    ctx.database.db.select({ appId: authorizations.appId }).from(authorizations).where(and(eq(authorizations.voucherId, voucher.id), isNull(authorizations.revokedAt))),
  ]);
  const mine = new Set(authorized.map((a) => a.appId));
  const names = await registry.institutionNames(ctx, apps.flatMap((a) => (a.institutionCode ? [a.institutionCode] : [])));
  return apps.map((app) => {
    const name = app.institutionCode ? names.get(app.institutionCode) : undefined;
    return {
      appId: app.appId,
      name: app.name,
      nameEn: app.nameEn,
      kind: channelKindOf(app.institutionCode),
      institution: app.institutionCode && name ? { code: app.institutionCode, name } : null,
      authorized: mine.has(app.appId),
    };
  });
}

/**
 * 授权 a channel app: any active one, wherever it serves. The picker offers the region's verifying
 * apps (`availableChannels`), but a person treated in another city (异地就医) authorizes that city's
 * hospital, and a hospital's bill system reads their bills once authorized; an unknown or disabled
 * app is a 422 naming `appId`.
 */
export async function authorizeChannel(ctx: AppContext, actor: Actor, appId: string): Promise<AuthorizationView> {
  const voucher = await activeVoucherOf(ctx, actor.accountId);
  const [app] = await auth.channelAppsServing(ctx.database.db, null, null, appId);
  if (!app) throw new DomainError('voucher.channel_unavailable', 'unprocessable', { appId }, 'appId');
  await ctx.database.db.insert(authorizations).values({ id: newId('vau'), voucherId: voucher.id, appId }).onConflictDoNothing();
  await forgetHolder(ctx, actor.accountId);
  const [row] = await ctx.database.db
    .select()
    .from(authorizations)
    .where(and(eq(authorizations.voucherId, voucher.id), eq(authorizations.appId, appId), isNull(authorizations.revokedAt)));
  return { appId, name: app.name, nameEn: app.nameEn, authorizedAt: row.createdAt.toISOString() };
}

/** 已授权渠道 the channels in force, newest first. */
export async function listAuthorizations(ctx: AppContext, actor: Actor, query: PageQuery) {
  const voucher = await activeVoucherOf(ctx, actor.accountId);
  const where = and(eq(authorizations.voucherId, voucher.id), isNull(authorizations.revokedAt));
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db.select().from(authorizations).where(where).orderBy(desc(authorizations.createdAt), desc(authorizations.id)).limit(query.pageSize).offset(offsetOf(query)),
    ctx.database.db.select({ total: count() }).from(authorizations).where(where),
  ]);
  const apps = new Map(
    await Promise.all([...new Set(rows.map((r) => r.appId))].map(async (id) => [id, await auth.getChannelApp(ctx, id)] as const)),
  );
  return pageOf(
    rows.map((r): AuthorizationView => ({ appId: r.appId, name: apps.get(r.appId)?.name ?? null, nameEn: apps.get(r.appId)?.nameEn ?? null, authorizedAt: r.createdAt.toISOString() })),
    total,
    query,
  );
}

export async function revokeAuthorization(ctx: AppContext, actor: Actor, appId: string) {
  const voucher = await activeVoucherOf(ctx, actor.accountId);
  const revoked = await ctx.database.db
    .update(authorizations)
    .set({ revokedAt: new Date() })
    .where(and(eq(authorizations.voucherId, voucher.id), eq(authorizations.appId, appId), isNull(authorizations.revokedAt)))
    .returning({ id: authorizations.id });
  if (!revoked.length) throw notFound('voucher.authorization_not_found');
  await forgetHolder(ctx, actor.accountId);
}

/** 授权查询 a channel asks whether the person with this identity number authorized it; an unknown person reads as not authorized. */
export async function channelAuthorization(ctx: AppContext, appId: string, idNumber: string): Promise<ChannelAuthorizationView> {
  const person = await registry.findPersonByIdNumber(ctx, idNumber);
  const voucher = person ? await voucherOfPerson(ctx.database.db, person.id) : undefined;
  if (!voucher || voucher.status !== 'active') return { authorized: false, authorizedAt: null };
  const [row] = await ctx.database.db
    .select()
    .from(authorizations)
    .where(and(eq(authorizations.voucherId, voucher.id), eq(authorizations.appId, appId), isNull(authorizations.revokedAt)));
  return { authorized: !!row, authorizedAt: row?.createdAt.toISOString() ?? null };
}

// ---------------------------------------------------------------------------------- family

async function registryPersonNamed(ctx: AppContext, idNumber: string, name: string) {
  const person = await registry.findPersonByIdNumber(ctx, idNumber);
  if (!person || person.name !== name || person.status !== 'active') throw new DomainError('voucher.person_unknown', 'unprocessable', {}, 'idNumber');
  return person;
}

async function linkMember(ctx: AppContext, holder: Voucher, member: Voucher, kind: 'child' | 'adult', evidenceRef: string | null, executor: Db = ctx.database.db) {
  const [link] = await executor
    .insert(familyLinks)
    .values({ id: newId('vfm'), holderVoucherId: holder.id, memberVoucherId: member.id, kind, evidenceRef })
    .onConflictDoNothing()
    .returning();
  if (!link) throw conflict('voucher.member_exists', {}, 'idNumber');
  return link;
}

const memberView = (link: typeof familyLinks.$inferSelect, member: Voucher): FamilyMemberView => ({
  id: link.id,
  kind: link.kind,
  name: member.nameMasked,
  insuranceTypes: insuranceTypesInForce(member.insurance),
  evidenceId: link.kind === 'child' ? link.evidenceRef : null,
  addedAt: link.createdAt.toISOString(),
});

/**
 * A guardian adds a child under 16 (age from the identity number) on household-register evidence:
 * `evidenceRef` is an evidence file the guardian uploaded (POST /voucher/evidence), else a 422 naming it.
 */
export async function addChild(ctx: AppContext, actor: Actor, input: { idNumber: string; name: string; evidenceRef: string }): Promise<FamilyMemberView> {
  const holder = await activeVoucherOf(ctx, actor.accountId);
  await requireOwnEvidence(ctx, holder.personId, input.evidenceRef, 'evidenceRef');
  const child = await registryPersonNamed(ctx, input.idNumber, input.name);
  if (child.id === holder.personId) throw new DomainError('voucher.member_self', 'unprocessable', {}, 'idNumber');
  if (ageOn(child.birthDate, today()) >= CHILD_AGE_LIMIT) throw new DomainError('voucher.child_too_old', 'unprocessable', {}, 'idNumber');
  const member = await ensureVoucher(ctx, child.id, actor.accountId, child);
  return memberView(await linkMember(ctx, holder, member, 'child', input.evidenceRef), member);
}

/** Invites an adult member; they join only by accepting from their own account at L3. */
export async function inviteAdult(ctx: AppContext, actor: Actor, input: { idNumber: string; name: string }): Promise<InvitationView> {
  const holder = await activeVoucherOf(ctx, actor.accountId);
  const adult = await registryPersonNamed(ctx, input.idNumber, input.name);
  if (adult.id === holder.personId) throw new DomainError('voucher.member_self', 'unprocessable', {}, 'idNumber');
  if (ageOn(adult.birthDate, today()) < CHILD_AGE_LIMIT) throw new DomainError('voucher.member_not_adult', 'unprocessable', {}, 'idNumber');
  const id = newId('vin');
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await ctx.database.db.insert(invitations).values({ id, holderVoucherId: holder.id, memberPersonId: adult.id, expiresAt });
  return { id, status: 'pending', expiresAt: expiresAt.toISOString() };
}

/** Invitations waiting for the signed-in person's consent, newest first. */
export async function incomingInvitations(ctx: AppContext, actor: Actor, query: PageQuery) {
  const personId = await actor.personId();
  if (!personId) return pageOf<IncomingInvitationView>([], 0, query);
  const where = and(eq(invitations.memberPersonId, personId), eq(invitations.status, 'pending'), gt(invitations.expiresAt, new Date()));
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db
      .select({ invitation: invitations, holderName: vouchers.nameMasked })
      .from(invitations)
      .innerJoin(vouchers, eq(vouchers.id, invitations.holderVoucherId))
      .where(where)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.database.db.select({ total: count() }).from(invitations).where(where),
  ]);
  return pageOf(
    rows.map((r): IncomingInvitationView => ({ id: r.invitation.id, holderName: r.holderName, expiresAt: r.invitation.expiresAt.toISOString() })),
    total,
    query,
  );
}

/** 同意 the invited adult consents (the route requires their own L3 session). */
export async function acceptInvitation(ctx: AppContext, actor: Actor, invitationId: string): Promise<FamilyMemberView> {
  const personId = await actor.personId();
  if (!personId) throw notFound('voucher.invitation_not_found');
  const member = await ensureVoucher(ctx, personId, actor.accountId);
  return transaction(ctx.database.db, async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ status: 'accepted' })
      .where(and(eq(invitations.id, invitationId), eq(invitations.memberPersonId, personId), eq(invitations.status, 'pending'), gt(invitations.expiresAt, new Date())))
      .returning();
    if (!invitation) throw notFound('voucher.invitation_not_found');
    const [holder] = await tx.select().from(vouchers).where(eq(vouchers.id, invitation.holderVoucherId));
    return memberView(await linkMember(ctx, holder, member, 'adult', null, tx), member);
  });
}

/** 家庭成员 the holder's members, newest first. */
export async function listFamily(ctx: AppContext, actor: Actor, query: PageQuery) {
  const holder = await activeVoucherOf(ctx, actor.accountId);
  const where = and(eq(familyLinks.holderVoucherId, holder.id), isNull(familyLinks.removedAt));
  const [links, [{ total }]] = await Promise.all([
    ctx.database.db.select().from(familyLinks).where(where).orderBy(desc(familyLinks.createdAt), desc(familyLinks.id)).limit(query.pageSize).offset(offsetOf(query)),
    ctx.database.db.select({ total: count() }).from(familyLinks).where(where),
  ]);
  const members = links.length ? await ctx.database.db.select().from(vouchers).where(inArray(vouchers.id, links.map((l) => l.memberVoucherId))) : [];
  const byId = new Map(members.map((m) => [m.id, m]));
  return pageOf(
    links.map((l) => memberView(l, byId.get(l.memberVoucherId)!)),
    total,
    query,
  );
}

export async function removeMember(ctx: AppContext, actor: Actor, linkId: string) {
  const holder = await activeVoucherOf(ctx, actor.accountId);
  const removed = await ctx.database.db
    .update(familyLinks)
    .set({ removedAt: new Date() })
    .where(and(eq(familyLinks.id, linkId), eq(familyLinks.holderVoucherId, holder.id), isNull(familyLinks.removedAt)))
    .returning({ id: familyLinks.id });
  if (!removed.length) throw notFound('voucher.member_not_found');
}

/** The member's voucher behind a family link of this holder, or a 404 naming `memberId`. */
export async function memberVoucher(ctx: AppContext, holder: Voucher, linkId: string): Promise<Voucher> {
  const [row] = await ctx.database.db
    .select({ member: vouchers })
    .from(familyLinks)
    .innerJoin(vouchers, eq(vouchers.id, familyLinks.memberVoucherId))
    .where(and(eq(familyLinks.id, linkId), eq(familyLinks.holderVoucherId, holder.id), isNull(familyLinks.removedAt)));
  if (!row) throw new DomainError('voucher.member_not_found', 'not_found', {}, 'memberId');
  return row.member;
}

// ----------------------------------------------------------------------------- usage and risk

export async function recordRisk(ctx: AppContext, rule: RiskRule, facts: { voucherId?: string | null; regionCode?: string | null; appId?: string | null; codeId?: string | null; deviceId?: string | null; detail?: Record<string, unknown> }) {
  await ctx.database.db.insert(riskEvents).values({
    id: newId('vrk'),
    rule,
    voucherId: facts.voucherId ?? null,
    regionCode: facts.regionCode ?? null,
    appId: facts.appId ?? null,
    codeId: facts.codeId ?? null,
    deviceId: facts.deviceId ?? null,
    detail: facts.detail ?? {},
  });
}

export async function recordUsage(ctx: AppContext, row: Omit<typeof usage.$inferInsert, 'id'>) {
  await ctx.database.db.insert(usage).values({ id: newId('vus'), ...row });
}

/** 用码记录 the holder's own history, newest first. */
export async function usageHistory(ctx: AppContext, actor: Actor, query: PageQuery) {
  const voucher = await myVoucher(ctx, actor);
  const where = eq(usage.voucherId, voucher.id);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db.select().from(usage).where(where).orderBy(desc(usage.at), desc(usage.id)).limit(query.pageSize).offset(offsetOf(query)),
    ctx.database.db.select({ total: count() }).from(usage).where(where),
  ]);
  const names = await auth.channelAppNames(ctx, rows.flatMap((r) => (r.appId ? [r.appId] : [])));
  return pageOf(
    rows.map((r): UsageView => ({
      id: r.id,
      action: r.action,
      result: r.result,
      reason: r.reason,
      appId: r.appId,
      channelName: r.appId ? (names.get(r.appId) ?? null) : null,
      forMember: r.subjectVoucherId !== r.voucherId,
      deviceId: r.deviceId,
      at: r.at.toISOString(),
    })),
    total,
    query,
  );
}

/** 风险事件 the risk flags of the clerk's regions, newest first. */
export async function listRiskEvents(ctx: AppContext, scope: RegionScope, query: PageQuery & { rule?: RiskRule }) {
  const where = and(withinScope(riskEvents.regionCode, scope), query.rule ? eq(riskEvents.rule, query.rule) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db.select().from(riskEvents).where(where).orderBy(desc(riskEvents.at), desc(riskEvents.id)).limit(query.pageSize).offset(offsetOf(query)),
    ctx.database.db.select({ total: count() }).from(riskEvents).where(where),
  ]);
  return pageOf(
    rows.map((r): RiskEventView => ({ id: r.id, rule: r.rule, voucherId: r.voucherId, regionCode: r.regionCode, appId: r.appId, codeId: r.codeId, deviceId: r.deviceId, detail: r.detail, at: r.at.toISOString() })),
    total,
    query,
  );
}
