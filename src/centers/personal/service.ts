/**
 * 个人服务中心 personal service center: the insured person's own view and applications. A facade
 * over the registry, enrollment and collection centers; it owns no tables. The person is the
 * registry record carrying the identity number of the signed-in account, found once per session
 * (`actor.personId()`), and every call acts as that person only (an enrollment `PersonActor`).
 */
import type { AppContext } from '../../kernel/context.js';
import type { Actor } from '../../kernel/actor/index.js';
import { badRequest, DomainError } from '../../kernel/errors/index.js';
import * as auth from '../auth/index.js';
import { maskIdNumber, maskName, maskPhone } from '../../kernel/crypto/index.js';
import * as user from '../user/index.js';
import * as registry from '../registry/index.js';
import * as enrollment from '../enrollment/index.js';
import * as collection from '../collection/index.js';
import type { MyEnrollmentDetailView, MyRecordView, OverviewView } from './contract.js';

/**
 * The registry person carrying the identity number a person account registered with, or null. The
 * platform looks it up once per session for `actor.personId()`; requests ask the actor, not this.
 */
export async function personOfAccount(ctx: AppContext, accountId: string): Promise<registry.RegistryPerson | null> {
  const identity = await user.identityOf(ctx, accountId);
  if (!identity?.idNumber) return null;
  return registry.findPersonByIdNumber(ctx, identity.idNumber);
}

/** The person as the enrollment center's actor; a person the registry does not know gets a 422 telling them to register at the agency. */
async function personActor(actor: Actor): Promise<enrollment.PersonActor> {
  return { accountId: actor.accountId, personId: await actor.requirePersonId() };
}

/** 基本信息 the registry record, masked: the person sees it as any screen over their shoulder would. */
export const myRecordView = (person: registry.RegistryPerson): MyRecordView => ({
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
export async function overview(ctx: AppContext, actor: Actor): Promise<OverviewView> {
  const personId = await actor.personId();
  const person = personId ? await registry.getPerson(ctx, personId) : null;
  if (!person) return { registered: false, person: null, enrollments: [], identities: [] };
  const self = { accountId: actor.accountId, personId: person.id };
  const [enrollments, identities] = await Promise.all([enrollment.personEnrollments(ctx, self, person.id), enrollment.listIdentities(ctx, self, person.id)]);
  const names = await unitNames(ctx, enrollments.items.map((e) => e.entityId));
  return {
    registered: true,
    person: myRecordView(person),
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

/** 参保信息 the person's enrollments with their dated status changes and declared bases (one page: a person has a few). */
export async function enrollments(ctx: AppContext, actor: Actor) {
  const self = await personActor(actor);
  const found = await enrollment.personEnrollments(ctx, self, self.personId);
  const names = await unitNames(ctx, found.items.map((e) => e.entityId));
  return { ...found, items: found.items.map((e): MyEnrollmentDetailView => ({ ...e, unitName: e.entityId ? (names.get(e.entityId) ?? null) : null })) };
}

/** 参保变更记录 */
export async function history(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number }) {
  const self = await personActor(actor);
  return enrollment.personHistory(ctx, self, self.personId, query);
}

/** 参保地 the regions a person may apply in (an agency office reviews there), with the office's name. */
export const regions = (ctx: AppContext) => auth.agencyRegions(ctx);

/**
 * 申请 flexible-worker or resident enrollment, or suspension of flexible contributions. A person the
 * registry does not hold yet makes a first visit (首次申办): the application carries the registry
 * record from their real-name verified account and the household region (one of `regions`) and
 * address they declare; approval registers them.
 */
export async function submit(ctx: AppContext, actor: Actor, input: enrollment.FirstVisitInput) {
  const personId = await actor.personId();
  if (personId) return enrollment.submitApplication(ctx, { accountId: actor.accountId, personId }, input);
  const identity = await user.identityOf(ctx, actor.accountId);
  if (!identity?.idNumber || identity.authLevel < 2) throw new DomainError('personal.not_registered', 'unprocessable');
  if (input.regionCode && !(await regions(ctx)).some((r) => r.regionCode === input.regionCode)) throw badRequest('personal.region_unknown', 'regionCode');
  return enrollment.submitFirstVisit(ctx, { accountId: actor.accountId }, { name: identity.name, idNumber: identity.idNumber, phone: identity.phone }, input);
}

/** The applicant: the registry person, or (before a first visit is approved) the account alone. */
const applicant = async (actor: Actor): Promise<enrollment.Applicant> => ({ accountId: actor.accountId, personId: await actor.personId() });

export async function applications(ctx: AppContext, actor: Actor, query: Parameters<typeof enrollment.listApplications>[2]) {
  return enrollment.listApplications(ctx, await applicant(actor), query);
}

export async function application(ctx: AppContext, actor: Actor, id: string) {
  return enrollment.getApplication(ctx, await applicant(actor), id);
}

/** 撤回 before review. */
export async function withdraw(ctx: AppContext, actor: Actor, id: string) {
  return enrollment.withdrawApplication(ctx, await applicant(actor), id);
}

// ------------------------------------------------------------------------ the collection center

/** 个人账户 the balance and a year's entries (allocations +, deductions −). */
export async function account(ctx: AppContext, actor: Actor, query: collection.PageQuery) {
  return collection.personalAccount(ctx, await actor.requirePersonId(), query);
}

/** 缴费记录 the person's contribution lines, each with its explanation. */
export async function contributions(ctx: AppContext, actor: Actor, query: collection.PageQuery) {
  return collection.contributionsOf(ctx, await actor.requirePersonId(), query);
}

/** 年度缴费对账单 */
export async function annualStatement(ctx: AppContext, actor: Actor, year: number) {
  return collection.annualStatement(ctx, await actor.requirePersonId(), year);
}

type AccountEntry = Awaited<ReturnType<typeof collection.personalAccount>>['items'][number];

/** An outflow of the personal account that is not a contribution deduction: something paid for the person. */
export const isBenefit = (entry: Pick<AccountEntry, 'kind' | 'amountFen'>) => entry.amountFen < 0 && entry.kind !== 'deduction';

/**
 * 待遇享受 benefits received: the personal account's outflows other than contribution deductions
 * (settlement's account payments, once a settlement center books them). A person's account holds
 * a few dozen entries a year, so they are read whole and filtered here.
 */
export async function benefits(ctx: AppContext, actor: Actor, query: collection.PageQuery) {
  const personId = await actor.requirePersonId();
  const found: AccountEntry[] = [];
  for (let page = 1; ; page++) {
    const batch = await collection.personalAccount(ctx, personId, { year: query.year, page, pageSize: 100 });
    found.push(...batch.items.filter(isBenefit));
    if (page * batch.pageSize >= batch.total || !batch.items.length) break;
  }
  const start = (query.page - 1) * query.pageSize;
  return { items: found.slice(start, start + query.pageSize), total: found.length, page: query.page, pageSize: query.pageSize };
}
