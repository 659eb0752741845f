/**
 * 单位服务中心 unit service center: a unit agent's view of their unit (the registry legal entity
 * with the unit's unified social credit code) and its employees. A facade over the user, registry,
 * enrollment and collection centers; it owns no tables. Every call acts for the agent's current unit
 * (`agent.unitId`, chosen for the session) only: an enrollment `EntityActor`.
 */
import type { AppContext } from '../../kernel/context.js';
import type { Actor } from '../../kernel/actor/index.js';
import { DomainError, badRequest, conflict, forbidden } from '../../kernel/errors/index.js';
import * as auth from '../auth/index.js';
import { maskCreditCode, maskIdNumber, maskName } from '../../kernel/crypto/index.js';
import * as user from '../user/index.js';
import * as registry from '../registry/index.js';
import * as enrollment from '../enrollment/index.js';
import * as collection from '../collection/index.js';
import type { EmployeeDetailView, EmployeeView, UnitEntityView, UnitInfoView } from './contract.js';

export interface AgentUnit {
  actor: enrollment.EntityActor;
  unit: NonNullable<Awaited<ReturnType<typeof user.agentUnit>>>;
  entity: registry.RegistryEntity;
}

/**
 * The agent's current unit and its registry entity. A unit the registry does not hold is a 422 (it
 * must be registered at the agency); an agent no longer bound to it is a 403.
 */
export async function agentUnit(ctx: AppContext, agent: Actor): Promise<AgentUnit> {
  if (!agent.unitId) throw forbidden('unit.no_unit');
  const unit = await user.agentUnit(ctx, agent.accountId, agent.unitId);
  if (!unit) throw forbidden('unit.not_agent');
  const entity = await registry.findEntityByCreditCode(ctx, unit.creditCode);
  if (!entity) throw new DomainError('unit.not_registered', 'unprocessable', { creditCode: maskCreditCode(unit.creditCode) });
  if (!bindingVerified(entity, await user.unitManager(ctx, unit.id))) throw forbidden('unit.binding_unverified');
  return { actor: { accountId: agent.accountId, entityId: entity.id }, unit, entity };
}

/**
 * Anyone may register a unit under a credit code in the user center, so the binding is trusted only
 * when the unit's managing agent is the registry's legal representative (法定代表人), proven by
 * real-name verification (L2) of the same identity number. The agents the manager adds inherit it.
 */
export function bindingVerified(entity: Pick<registry.RegistryEntity, 'legalRepresentative'>, manager: { authLevel: number; idNumber: string | null } | null): boolean {
  const legalRep = entity.legalRepresentative.idNumber;
  // Identity numbers compare in their canonical, upper-case form (a check character typed as x).
  return Boolean(manager && legalRep && manager.authLevel >= 2 && manager.idNumber?.toUpperCase() === legalRep.toUpperCase());
}

/** The unit's registry record, its legal representative masked. */
export const entityView = (entity: registry.RegistryEntity): UnitEntityView => ({
  id: entity.id,
  creditCode: entity.creditCode,
  name: entity.name,
  type: entity.type,
  regionCode: entity.regionCode,
  legalRepresentative: { name: maskName(entity.legalRepresentative.name), idNumber: entity.legalRepresentative.idNumber ? maskIdNumber(entity.legalRepresentative.idNumber) : null },
  status: entity.status,
  cancellation: entity.cancellation,
  version: entity.version,
  updatedAt: entity.updatedAt,
});

/**
 * 单位首次申办 单位参保登记 for a unit the registry does not hold: its managing agent applies, real-name
 * verified (L2), and is the legal representative the declared record names; the unit's name and
 * credit code are those it registered with; the region is one of the agency offices' regions. A unit
 * the registry holds enrols at the agency as before (409).
 */
export async function applyForEnrollment(ctx: AppContext, agent: Actor, input: enrollment.UnitFirstVisitInput) {
  if (!agent.unitId) throw forbidden('unit.no_unit');
  const unit = await user.agentUnit(ctx, agent.accountId, agent.unitId);
  if (!unit) throw forbidden('unit.not_agent');
  if (unit.role !== 'manager') throw forbidden('unit.manager_only');
  if (await registry.findEntityByCreditCode(ctx, unit.creditCode)) throw conflict('unit.already_registered');
  const identity = await user.identityOf(ctx, agent.accountId);
  if (!identity?.idNumber || identity.authLevel < 2) throw forbidden('auth.level_required');
  if (input.regionCode && !(await auth.agencyRegions(ctx)).some((r) => r.regionCode === input.regionCode)) throw badRequest('unit.region_unknown', 'regionCode');
  return enrollment.submitUnitFirstVisit(ctx, { accountId: agent.accountId }, { creditCode: unit.creditCode, name: unit.name }, { name: identity.name, idNumber: identity.idNumber }, input);
}

/** The applications the agent made (单位首次申办), newest first. */
export const applications = (ctx: AppContext, agent: Actor, query: Parameters<typeof enrollment.listApplications>[2]) =>
  enrollment.listApplications(ctx, { accountId: agent.accountId, personId: null }, query);

/** 单位信息 the registry record and the unit's enrollments in insurance types. */
export async function info(ctx: AppContext, agent: Actor): Promise<UnitInfoView> {
  const { actor, unit, entity } = await agentUnit(ctx, agent);
  const units = await enrollment.listUnits(ctx, actor, { page: 1, pageSize: 100 });
  return { unit: { id: unit.id, name: unit.name, role: unit.role }, entity: entityView(entity), enrollments: units.items, editableFields: [...registry.UNIT_EDITABLE_ENTITY_FIELDS] };
}

/** 单位信息变更 through the registry, which keeps the history (the agent is recorded as the actor). */
export async function changeInfo(ctx: AppContext, agent: Actor, input: registry.UnitEntityChange) {
  const { entity } = await agentUnit(ctx, agent);
  const outcome = await registry.changeEntityByUnit(ctx, { accountId: agent.accountId }, entity.id, input);
  return { ...entityView(outcome.entity), changed: outcome.changed };
}

type Enrollment = { personId: string };

/** Adds each employee's name and identity number, masked. */
async function withPersons<T extends Enrollment>(ctx: AppContext, rows: T[]): Promise<Array<T & Pick<EmployeeView, 'person'>>> {
  const persons = await registry.getPersons(ctx, rows.map((r) => r.personId));
  return rows.map((r) => {
    const person = persons.get(r.personId);
    return { ...r, person: person ? { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber) } : null };
  });
}

/** 参保职工 the unit's employees, every insurance type. */
export async function employees(ctx: AppContext, agent: Actor, query: Parameters<typeof enrollment.listEmployments>[2]) {
  const { actor } = await agentUnit(ctx, agent);
  const page = await enrollment.listEmployments(ctx, actor, query);
  return { ...page, items: await withPersons(ctx, page.items) };
}

/** 职工参保详情; another unit's employee is not found. */
export async function employee(ctx: AppContext, agent: Actor, id: string): Promise<EmployeeDetailView> {
  const { actor } = await agentUnit(ctx, agent);
  const [found] = await withPersons(ctx, [await enrollment.getEmployee(ctx, actor, id)]);
  return found;
}

/** 增员 a person the registry holds, into the unit's enrollment in the insurance type, from a month. */
export async function addEmployee(ctx: AppContext, agent: Actor, input: { idNumber: string; insuranceType: string; fromMonth: string }): Promise<EmployeeView> {
  const { actor } = await agentUnit(ctx, agent);
  const person = await registry.findPersonByIdNumber(ctx, input.idNumber);
  if (!person) throw new DomainError('unit.person_not_registered', 'unprocessable', { field: 'idNumber' }, 'idNumber');
  const [added] = await withPersons(ctx, [await enrollment.addEmployeeByType(ctx, actor, { personId: person.id, insuranceType: input.insuranceType, fromMonth: input.fromMonth })]);
  return added;
}

/** 减员 from a month. */
export async function removeEmployee(ctx: AppContext, agent: Actor, id: string, month: string) {
  const { actor } = await agentUnit(ctx, agent);
  return enrollment.changeEmployeeStatus(ctx, actor, id, 'remove', month);
}

/** 缴费基数申报 for a year; the base is clamped by the policy in effect. */
export async function declareWage(ctx: AppContext, agent: Actor, id: string, input: { year: number; monthlyWageFen: number }) {
  const { actor } = await agentUnit(ctx, agent);
  return enrollment.declareWage(ctx, actor, id, input);
}

// ------------------------------------------------------------------------ the collection center

/** 单位缴费单 the unit's bills, newest month first. */
export async function bills(ctx: AppContext, agent: Actor, query: collection.PageQuery) {
  const { actor } = await agentUnit(ctx, agent);
  return collection.billsOf(ctx, actor.entityId, query);
}

/** One bill of the unit's; another unit's bill is not found. */
export async function bill(ctx: AppContext, agent: Actor, id: string) {
  const { actor } = await agentUnit(ctx, agent);
  return collection.billOf(ctx, actor.entityId, id);
}

/** The bill as a PDF or an XLSX workbook. */
export async function billDocument(ctx: AppContext, agent: Actor, id: string, format: 'pdf' | 'xlsx'): Promise<Buffer> {
  const { actor } = await agentUnit(ctx, agent);
  return format === 'pdf' ? collection.billPdf(ctx, actor.entityId, id) : collection.billXlsx(ctx, actor.entityId, id);
}
