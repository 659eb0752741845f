/**
 * 个人服务中心 personal service center: the insured person's own view and applications. A facade
 * over the registry, enrollment and collection centers; it owns no tables. The person is the
 * registry record carrying the identity number of the logged-in account, and every call acts as
 * that person only (an enrollment `PersonActor`).
 */
import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import { maskIdNumber, maskName, maskPhone } from '../../kernel/crypto/index.js';
import * as user from '../user/index.js';
import * as registry from '../registry/index.js';
import * as enrollment from '../enrollment/index.js';
import * as collection from '../collection/index.js';

export interface Me {
  actor: enrollment.PersonActor;
  person: registry.RegistryPerson;
}

/** The registry person behind an account, or null when the registry has none with its identity number. */
export async function findMe(ctx: AppContext, accountId: string): Promise<Me | null> {
  const person = await personOfAccount(ctx, accountId);
  return person ? { actor: { accountId, personId: person.id }, person } : null;
}

/** The registry person carrying the identity number a person account registered with, or null. */
export async function personOfAccount(ctx: AppContext, accountId: string): Promise<registry.RegistryPerson | null> {
  const identity = await user.identityOf(ctx, accountId);
  if (!identity?.idNumber) return null;
  return registry.findPersonByIdNumber(ctx, identity.idNumber);
}

/** As `findMe`, but a person the registry does not know gets a 422 telling them to register at the agency. */
export async function requireMe(ctx: AppContext, accountId: string): Promise<Me> {
  const me = await findMe(ctx, accountId);
  if (!me) throw new DomainError('personal.not_registered', 'unprocessable', {});
  return me;
}

/** 基本信息 the registry record, masked: the person sees it as any screen over their shoulder would. */
export const personView = (person: registry.RegistryPerson) => ({
  id: person.id,
  name: maskName(person.name),
  idNumber: maskIdNumber(person.idNumber),
  birthDate: person.birthDate,
  sex: person.sex,
  phone: person.phone ? maskPhone(person.phone) : null,
  regionCode: person.regionCode,
  category: person.category,
  status: person.status,
});

/** The units behind employee enrollments, by entity id (names only; a legal entity's name is public). */
async function unitNames(ctx: AppContext, entityIds: Array<string | null>) {
  const names = new Map<string, string>();
  for (const id of new Set(entityIds.filter((e): e is string => e !== null))) {
    const entity = await registry.getEntity(ctx, id);
    if (entity) names.set(id, entity.name);
  }
  return names;
}

/** 个人信息 basic information, enrollments of every kind with their status, and identities. */
export async function overview(ctx: AppContext, accountId: string) {
  const me = await findMe(ctx, accountId);
  if (!me) return { registered: false, person: null, enrollments: [], identities: [] };
  const [enrollments, identities] = await Promise.all([
    enrollment.personEnrollments(ctx, me.actor, me.person.id),
    enrollment.listIdentities(ctx, me.actor, me.person.id),
  ]);
  const names = await unitNames(ctx, enrollments.items.map((e) => e.entityId));
  return {
    registered: true,
    person: personView(me.person),
    enrollments: enrollments.items.map((e) => ({
      id: e.id,
      kind: e.kind,
      insuranceType: e.insuranceType,
      regionCode: e.regionCode,
      fromMonth: e.fromMonth,
      status: e.status,
      unit: e.entityId ? { entityId: e.entityId, name: names.get(e.entityId) ?? null } : null,
    })),
    identities: identities.items,
  };
}

/** 参保信息 the person's enrollments with their dated status changes and declared bases. */
export async function enrollments(ctx: AppContext, accountId: string) {
  const me = await requireMe(ctx, accountId);
  const found = await enrollment.personEnrollments(ctx, me.actor, me.person.id);
  const names = await unitNames(ctx, found.items.map((e) => e.entityId));
  return { items: found.items.map((e) => ({ ...e, unitName: e.entityId ? (names.get(e.entityId) ?? null) : null })) };
}

export async function history(ctx: AppContext, accountId: string, query: { page: number; pageSize: number }) {
  const me = await requireMe(ctx, accountId);
  return enrollment.personHistory(ctx, me.actor, me.person.id, query);
}

export async function submit(ctx: AppContext, accountId: string, input: enrollment.ApplicationInput) {
  const me = await requireMe(ctx, accountId);
  return enrollment.submitApplication(ctx, me.actor, input);
}

export async function applications(ctx: AppContext, accountId: string, query: Parameters<typeof enrollment.listApplications>[2]) {
  const me = await requireMe(ctx, accountId);
  return enrollment.listApplications(ctx, me.actor, query);
}

export async function application(ctx: AppContext, accountId: string, id: string) {
  const me = await requireMe(ctx, accountId);
  return enrollment.getApplication(ctx, me.actor, id);
}

export async function withdraw(ctx: AppContext, accountId: string, id: string) {
  const me = await requireMe(ctx, accountId);
  return enrollment.withdrawApplication(ctx, me.actor, id);
}

// ------------------------------------------------------------------------ the collection center

/** 个人账户 the balance and a year's entries (allocations +, deductions −). */
export async function account(ctx: AppContext, accountId: string, query: collection.PageQuery) {
  const me = await requireMe(ctx, accountId);
  return collection.personalAccount(ctx, me.person.id, query);
}

/** 缴费记录 the person's contribution lines, each with its explanation. */
export async function contributions(ctx: AppContext, accountId: string, query: collection.PageQuery) {
  const me = await requireMe(ctx, accountId);
  return collection.contributionsOf(ctx, me.person.id, query);
}

/** 年度缴费对账单 */
export async function annualStatement(ctx: AppContext, accountId: string, year: number) {
  const me = await requireMe(ctx, accountId);
  return collection.annualStatement(ctx, me.person.id, year);
}

type AccountEntry = Awaited<ReturnType<typeof collection.personalAccount>>['items'][number];

/** An outflow of the personal account that is not a contribution deduction: something paid for the person. */
export const isBenefit = (entry: Pick<AccountEntry, 'kind' | 'amountFen'>) => entry.amountFen < 0 && entry.kind !== 'deduction';

/**
 * 待遇享受 benefits received: the personal account's outflows other than contribution deductions
 * (settlement's account payments, once a settlement center books them). A person's account holds
 * a few dozen entries a year, so they are read whole and filtered here.
 */
export async function benefits(ctx: AppContext, accountId: string, query: collection.PageQuery) {
  const me = await requireMe(ctx, accountId);
  const found: AccountEntry[] = [];
  for (let page = 1; ; page++) {
    const batch = await collection.personalAccount(ctx, me.person.id, { year: query.year, page, pageSize: 100 });
    found.push(...batch.items.filter(isBenefit));
    if (page * batch.pageSize >= batch.total || !batch.items.length) break;
  }
  const start = (query.page - 1) * query.pageSize;
  return { items: found.slice(start, start + query.pageSize), total: found.length, page: query.page, pageSize: query.pageSize };
}
