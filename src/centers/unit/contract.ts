/**
 * What the unit center answers: the unit's registry record (its legal representative masked), and
 * the views of the enrollment and collection centers it answers for the unit, each employee with
 * their masked name and identity number. The service's functions return these schemas' static types.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Page } from '../../kernel/http/schemas.js';
import * as registry from '../registry/index.js';
import * as enrollment from '../enrollment/index.js';
import * as collection from '../collection/index.js';

const { createdAt: _createdAt, ...entity } = registry.EntityView.properties;
/** 单位基本信息 the unit's legal entity in the registry; the legal representative masked. */
export const UnitEntityView = Type.Object(entity, { description: '单位基本信息 the unit’s registry record' });
export type UnitEntityView = Static<typeof UnitEntityView>;

export const UnitEntityChangedView = Type.Object({ ...entity, changed: Type.Boolean() }, { description: '变更后的单位信息 the record after a change' });

/** 单位信息 the unit as the user center knows it, its registry record, its enrollments, and what it may change itself. */
export const UnitInfoView = Type.Object(
  {
    unit: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String({ description: 'the agent’s role: manager or agent' }) }),
    entity: UnitEntityView,
    enrollments: Type.Array(enrollment.UnitEnrollmentView),
    editableFields: Type.Array(Type.String()),
  },
  { description: '单位信息 my unit' },
);
export type UnitInfoView = Static<typeof UnitInfoView>;

/** An employee's name and identity number, masked; null when the registry no longer has the person. */
const EmployeePerson = { person: Nullable(Type.Object({ name: Type.String(), idNumber: Type.String() })) };

/** 参保职工 an employee's enrollment in one of the unit's insurance types. */
export const EmployeeView = Type.Object({ ...enrollment.EmploymentView.properties, ...EmployeePerson }, { description: '参保职工 an employee' });
export type EmployeeView = Static<typeof EmployeeView>;

/** An employee with the enrollment's status changes and declared bases. */
export const EmployeeDetailView = Type.Object({ ...enrollment.EmploymentDetailView.properties, ...EmployeePerson }, { description: '职工参保详情 an employee in detail' });
export type EmployeeDetailView = Static<typeof EmployeeDetailView>;

export const EmployeePage = Page(EmployeeView);
export const BillPage = Page(collection.BillView);
